// "Paste as blocks": the browser's own paste into an editable box keeps the structure of text
// copied from Word, Google Docs or a web page; its HTML is sent in the form's textarea, which
// stays visible (for pasting HTML source) where scripts do not run.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.querySelector("[data-paste-source]");
  const area = document.getElementById("paste-area");
  const wrapper = document.querySelector("[data-paste-area-wrapper]");
  if (!source || !area || !wrapper) return;
  wrapper.hidden = false;
  source.closest("li, .w-field__wrapper").hidden = true;
  const copy = () => {
    source.value = area.innerHTML;
  };
  area.addEventListener("input", copy);
  source.form.addEventListener("submit", copy);
});
