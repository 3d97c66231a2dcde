// A background import's page (core.admin_imports): ask the server for the rows checked
// every two seconds and update the bar; when the job ends, reload to show its result.
(function () {
  "use strict";
  const box = document.querySelector(".import-progress[data-status-url]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const text = box.querySelector("#import-progress-text");
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status);
      const status = await response.json();
      if (status.finished) {
        window.location.reload();
        return;
      }
      bar.value = status.percent;
      bar.textContent = status.percent + "%";
      text.textContent = status.text;
    } catch (error) {
      // A missed answer (server restarting, network): try again on the next tick.
    }
    window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 2000);
})();
