/* The leaders' dashboard: year selector, print button and the Chart.js charts.
 *
 * No inline script on the page (the content security policy allows only the app's own static
 * files): the figures arrive as JSON in <script id="dashboard-data" type="application/json">,
 * written by Django's json_script, and every label in it is already translated. */
(function () {
  "use strict";

  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  });
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });

  var source = document.getElementById("dashboard-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var Chart = window.Chart;

  var COLORS = {
    incoming_delegations: "#9b1c1c",
    outgoing_delegations: "#1d4f91",
    agreements_signed: "#1f7a3a",
    partner_localities_total: "#1d4f91",
    new_partner_localities: "#c27c0e",
    breakdown: "#1d4f91",
    grid: "#e3e8ee",
    ink: "#1d2733",
  };

  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = COLORS.ink;
  Chart.defaults.locale = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";
  Chart.defaults.animation = false; // drawn at once: steady on screen, complete when printed
  Chart.defaults.maintainAspectRatio = false; // the CSS box decides the size, screen or paper
  Chart.defaults.devicePixelRatio = Math.max(window.devicePixelRatio || 1, 2); // sharp on paper
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxHeight = 8;
  // Legend in the order the series are given (recorded, then published), whatever the
  // drawing order that keeps the published markers on top.
  Chart.defaults.plugins.legend.labels.sort = function (a, b) {
    return a.datasetIndex - b.datasetIndex;
  };

  // A chart with nothing to show says so instead of drawing empty axes.
  var emptyMessage = {
    id: "emptyMessage",
    afterDraw: function (chart) {
      var hasData = chart.data.datasets.some(function (dataset) {
        return dataset.data.some(function (value) {
          return value;
        });
      });
      if (hasData) {
        return;
      }
      var area = chart.chartArea;
      var context = chart.ctx;
      context.save();
      context.fillStyle = "#5b6b7c";
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.font = "14px " + Chart.defaults.font.family;
      context.fillText(data.text.empty, (area.left + area.right) / 2, (area.top + area.bottom) / 2);
      context.restore();
    },
  };

  var countAxis = { beginAtZero: true, ticks: { precision: 0 }, grid: { color: COLORS.grid } };

  function lineSeries(series, type) {
    var color = COLORS[series.key];
    var datasets = [
      {
        type: type,
        label: series.label,
        data: series.recorded,
        borderColor: color,
        backgroundColor: type === "bar" ? color + "99" : color,
        borderWidth: 2,
        pointRadius: 3,
        tension: 0,
        order: 2,
      },
    ];
    if (series.reported.some(function (value) { return value !== null; })) {
      datasets.push({
        type: "line",
        label: series.reportedLabel,
        data: series.reported,
        showLine: false,
        pointStyle: "rect",
        pointRadius: 6,
        pointHoverRadius: 8,
        borderColor: COLORS.ink,
        borderWidth: 1.5,
        backgroundColor: color,
        order: 1,
      });
    }
    return datasets;
  }

  function yearlyChart(block, types, baseType) {
    var datasets = [];
    block.series.forEach(function (series, index) {
      datasets = datasets.concat(lineSeries(series, types[index] || "line"));
    });
    return {
      type: baseType,
      data: { labels: block.labels, datasets: datasets },
      options: {
        interaction: { mode: "index", intersect: false },
        scales: { x: { grid: { display: false } }, y: countAxis },
        plugins: { legend: { position: "bottom" } },
      },
      plugins: [emptyMessage],
    };
  }

  function breakdownChart(block, horizontal) {
    var categoryAxis = { grid: { display: false } };
    if (block.axisTitle) {
      // Months: "Tháng 1" … "Tháng 12" stay in the tooltips, the axis reads 1 … 12.
      categoryAxis.title = { display: true, text: block.axisTitle };
      categoryAxis.ticks = {
        maxRotation: 0,
        callback: function (value, index) {
          return String(index + 1);
        },
      };
    }
    return {
      type: "bar",
      data: {
        labels: block.labels,
        datasets: [
          {
            label: block.label,
            data: block.counts,
            backgroundColor: COLORS.breakdown + "cc",
            borderColor: COLORS.breakdown,
            borderWidth: 1,
            maxBarThickness: 28,
          },
        ],
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        scales: horizontal ? { x: countAxis, y: categoryAxis } : { x: categoryAxis, y: countAxis },
        plugins: { legend: { display: false } },
      },
      plugins: [emptyMessage],
    };
  }

  var configs = {
    trend: yearlyChart(data.trend, ["line", "line", "line"], "line"),
    partners: yearlyChart(data.partners, ["bar", "line"], "bar"),
    continent: breakdownChart(data.breakdowns.continent, true),
    country: breakdownChart(data.breakdowns.country, true),
    month: breakdownChart(data.breakdowns.month, false),
    level: breakdownChart(data.breakdowns.level, true),
  };

  var charts = [];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var config = configs[canvas.dataset.chart];
    if (config) {
      charts.push(new Chart(canvas, config));
    }
  });
  document.documentElement.dataset.chartsReady = String(charts.length);

  // Printing lays the page out again at A4 width: redraw each chart in its print-sized box.
  function resizeAll() {
    charts.forEach(function (chart) {
      chart.resize();
    });
  }
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
  window.matchMedia("print").addEventListener("change", resizeAll);
})();
