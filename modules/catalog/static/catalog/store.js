// Catalogue store pages: language tabs, a small formatting toolbar, "select all", and adding variant rows.
// Every page works without this script; it only makes long forms shorter to use.
(function () {
  "use strict";

  function languageTabs(form) {
    const bar = form.querySelector("[data-lang-tabs]");
    const panels = Array.from(form.querySelectorAll("[data-lang-panel]"));
    if (!bar || panels.length < 2) return;
    form.classList.add("js-tabs");
    const select = (panel) => {
      panels.forEach((p, i) => {
        p.hidden = p !== panel;
        bar.children[i].setAttribute("aria-selected", String(p === panel));
      });
    };
    panels.forEach((panel) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = panel.dataset.label;
      if (panel.querySelector(".has-error")) tab.classList.add("has-error");
      tab.addEventListener("click", () => select(panel));
      bar.appendChild(tab);
    });
    select(panels.find((p) => p.querySelector(".has-error")) || panels[0]);
  }

  function wrapSelection(textarea, kind, prompt) {
    const start = textarea.selectionStart, end = textarea.selectionEnd;
    const text = textarea.value.slice(start, end);
    let html;
    if (kind === "list") {
      const items = (text || "").split("\n").map((line) => "  <li>" + line + "</li>").join("\n");
      html = "<ul>\n" + items + "\n</ul>";
    } else if (kind === "link") {
      const href = window.prompt(prompt, "https://");
      if (!href) return;
      html = '<a href="' + href.replace(/"/g, "&quot;") + '">' + (text || href) + "</a>";
    } else {
      html = "<" + kind + ">" + text + "</" + kind + ">";
    }
    textarea.setRangeText(html, start, end, "end");
    textarea.focus();
  }

  function richText(form) {
    const template = document.getElementById("rich-text-toolbar");
    if (!template) return;
    form.querySelectorAll("textarea.rich-text").forEach((textarea) => {
      const toolbar = template.content.firstElementChild.cloneNode(true);
      toolbar.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-wrap]");
        if (button) wrapSelection(textarea, button.dataset.wrap, button.dataset.prompt);
      });
      textarea.before(toolbar);
    });
  }

  function variants(form) {
    const section = form.querySelector("[data-variants]");
    if (!section) return;
    const options = Array.from(form.querySelectorAll("[data-option-attributes] input[type=checkbox]"));
    // Only the selects of the product's options show; the server ignores the others.
    const update = () => {
      const chosen = new Set(options.filter((box) => box.checked).map((box) => box.value));
      section.classList.toggle("no-options", chosen.size === 0);
      section.querySelectorAll("[data-attribute]").forEach((select) => {
        select.hidden = !chosen.has(select.dataset.attribute);
      });
    };
    options.forEach((box) => box.addEventListener("change", update));
    update();
    const add = section.querySelector("[data-add-form]");
    const template = document.getElementById("variants-empty");
    const total = form.querySelector("#id_variants-TOTAL_FORMS");
    if (!add || !template || !total) return;
    add.hidden = false;
    add.addEventListener("click", () => {
      const index = Number(total.value);
      const html = template.innerHTML.replace(/__prefix__/g, String(index));
      section.querySelector("[data-formset-body]").insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      update();
    });
  }

  function selectAll() {
    document.querySelectorAll("[data-select-all]").forEach((master) => {
      const boxes = () => Array.from(master.form.querySelectorAll('input[name="' + master.dataset.selectAll + '"]'));
      master.addEventListener("change", () => boxes().forEach((box) => { box.checked = master.checked; }));
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form").forEach((form) => {
      languageTabs(form);
      richText(form);
      variants(form);
    });
    selectAll();
  });
})();
