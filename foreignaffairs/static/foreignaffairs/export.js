// The export page's "Chọn tất cả" box. import-export wires it with an inline onchange
// attribute, which the Content-Security-Policy (script-src 'self') blocks: listen here instead.
document.addEventListener("change", (event) => {
  if (event.target.matches(".select-toggle")) {
    onSelectToggleChange(event);
  }
});
