// ita-docs browser app: upload a document, show its problems and pages, download the results.
// Plain JavaScript, no library, nothing from the internet; every request goes to this server.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("upload-form");
  const fileInput = $("file");
  const pdfAvailable = !$("no-pdf");

  function headers() {
    const key = $("api-key");
    return key && key.value ? { "X-API-Key": key.value } : {};
  }

  function body() {
    const data = new FormData();
    data.append("file", fileInput.files[0]);
    return data;
  }

  function say(text, isError) {
    const status = $("status");
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  function rows(target, items) {
    const tbody = $(target);
    tbody.replaceChildren();
    for (const item of items) {
      const tr = document.createElement("tr");
      const where = document.createElement("td");
      where.className = "where";
      where.textContent = item.cell || item.path || item.location || "";
      const what = document.createElement("td");
      what.textContent = item.message;
      tr.append(where, what);
      tbody.append(tr);
    }
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch (e) {
      return { title: "เกิดข้อผิดพลาด", detail: "รหัส " + response.status, problems: [] };
    }
  }

  function showProblem(problem) {
    $("problems").hidden = false;
    $("problems-title").textContent = problem.title + (problem.problems && problem.problems.length ? "" : ": " + problem.detail);
    rows("problem-rows", problem.problems || []);
    $("result").hidden = true;
  }

  function filenameOf(response, fallback) {
    const disposition = response.headers.get("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="([^"]+)"/i.exec(disposition);
    return plain ? plain[1] : fallback;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function download(path, fallback, button) {
    button.disabled = true;
    say("กำลังสร้างไฟล์…");
    try {
      const response = await fetch(path, { method: "POST", body: body(), headers: headers() });
      if (!response.ok) {
        const problem = await problemOf(response);
        showProblem(problem);
        say(problem.title, true);
        return;
      }
      save(await response.blob(), filenameOf(response, fallback));
      say("ดาวน์โหลดแล้ว");
    } catch (e) {
      say("ติดต่อเครื่องแม่ข่ายไม่ได้", true);
    } finally {
      button.disabled = false;
    }
  }

  async function cycle(path, button) {
    // -- a JSON envelope: the file in base64, and the places to review --
    button.disabled = true;
    say("กำลังสร้างไฟล์…");
    try {
      const response = await fetch(path, { method: "POST", body: body(), headers: headers() });
      const answer = await response.json();
      if (!response.ok) {
        showProblem(answer);
        say(answer.title, true);
        return;
      }
      const bytes = Uint8Array.from(atob(answer.data_base64), (c) => c.charCodeAt(0));
      save(new Blob([bytes], { type: answer.media_type }), answer.filename);
      const review = $("review");
      review.replaceChildren();
      for (const item of answer.warnings) {
        const li = document.createElement("li");
        li.textContent = (item.path ? item.path + ": " : "") + item.message;
        review.append(li);
      }
      review.hidden = answer.warnings.length === 0;
      say("ดาวน์โหลด " + answer.filename + " แล้ว");
    } catch (e) {
      say("ติดต่อเครื่องแม่ข่ายไม่ได้", true);
    } finally {
      button.disabled = false;
    }
  }

  async function preview() {
    const status = $("preview-status");
    const pages = $("pages");
    pages.replaceChildren();
    if (!pdfAvailable) {
      status.textContent = "แสดงภาพหน้าเอกสารไม่ได้ เพราะเครื่องแม่ข่ายไม่มี LibreOffice";
      return;
    }
    status.textContent = "กำลังสร้างภาพหน้าเอกสาร…";
    const response = await fetch("/api/v1/preview", { method: "POST", body: body(), headers: headers() });
    const answer = await problemOf(response);
    if (!response.ok) {
      status.textContent = answer.title + ": " + answer.detail;
      return;
    }
    for (const page of answer.pages) {
      const figure = document.createElement("figure");
      const img = document.createElement("img");
      img.src = page.image;
      img.alt = "หน้า " + page.number;
      img.className = "page";
      const caption = document.createElement("figcaption");
      caption.textContent = "หน้า " + page.number;
      figure.append(img, caption);
      pages.append(figure);
    }
    status.textContent = "เอกสารมี " + answer.page_count + " หน้า" +
      (answer.page_count > answer.pages.length ? " (แสดง " + answer.pages.length + " หน้าแรก)" : "");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!fileInput.files.length) return;
    $("problems").hidden = true;
    $("findings").hidden = true;
    $("result").hidden = true;
    say("กำลังตรวจ…");
    let response;
    try {
      response = await fetch("/api/v1/check", { method: "POST", body: body(), headers: headers() });
    } catch (e) {
      say("ติดต่อเครื่องแม่ข่ายไม่ได้", true);
      return;
    }
    const answer = await problemOf(response);
    if (!response.ok) {
      showProblem(answer);
      say("พบปัญหาที่ต้องแก้ " + (answer.problems || []).length + " รายการ", true);
      return;
    }
    if (answer.count) {
      $("findings").hidden = false;
      rows("finding-rows", answer.findings);
    }
    say(answer.count ? "ข้อมูลใช้ได้ มีข้อควรตรวจ " + answer.count + " รายการ" : "ข้อมูลใช้ได้ ไม่พบข้อขัดแย้ง");
    $("result").hidden = false;
    $("review").hidden = true;
    preview().catch(() => { $("preview-status").textContent = "แสดงภาพหน้าเอกสารไม่ได้"; });
  });

  function blankLink() {
    const year = $("year").value;
    $("blank").href = "/api/v1/blank/" + encodeURIComponent($("kind").value) + "?format=xlsx" +
      (year ? "&year=" + encodeURIComponent(year) : "");
  }
  $("kind").addEventListener("change", blankLink);
  $("year").addEventListener("input", blankLink);
  blankLink();

  $("download-docx").addEventListener("click", (e) => download("/api/v1/render?format=docx", "document.docx", e.target));
  $("download-pdf").addEventListener("click", (e) => download("/api/v1/render?format=pdf", "document.pdf", e.target));
  $("followup").addEventListener("click", (e) => cycle("/api/v1/followup?to=xlsx&include=warnings", e.target));
  $("next-year").addEventListener("click", (e) => cycle("/api/v1/next-year?include=warnings", e.target));
})();
