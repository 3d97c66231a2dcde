/* The leaders' dashboard: year selector, print button and the Chart.js charts.
 *
 * No inline script on the page (the content security policy allows only the app's own static
 * files): the charts arrive as JSON in <script id="dashboard-data" type="application/json">,
 * written by Django's json_script from foreignaffairs.reports.dashboard.chart_data, and every
 * label in it is already translated. The same numbers are in a table under each chart. */
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
  var print = window.matchMedia("print");

  // One colour per figure, the same in every chart (the breakdowns are incoming delegations).
  var COLORS = {
    incoming_delegations: "#9b1c1c",
    outgoing_delegations: "#1d4f91",
    agreements_signed: "#1f7a3a",
    partner_localities_total: "#6b4fa0",
    new_partner_localities: "#c27c0e",
    grid: "#e3e8ee",
    ink: "#1d2733",
    muted: "#5b6b7c",
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

  var numbers = new Intl.NumberFormat(Chart.defaults.locale);

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
      context.fillStyle = COLORS.muted;
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.font = "14px " + Chart.defaults.font.family;
      context.fillText(data.text.empty, (area.left + area.right) / 2, (area.top + area.bottom) / 2);
      context.restore();
    },
  };

  // Values written on the bars, and beside the points of a chart of lines only, where they fit
  // (chartjs-plugin-datalabels; "auto" hides a label that would overlap another). The
  // published squares carry none: the table under the chart has them.
  function valueLabels(series, horizontal, withBars) {
    var labelled = series.type === "bar" || !withBars;
    if (series.published || !labelled || typeof window.ChartDataLabels === "undefined") {
      return { display: false };
    }
    return {
      display: function (context) {
        return context.dataset.data[context.dataIndex] ? "auto" : false;
      },
      anchor: "end",
      align: horizontal ? "end" : "top",
      offset: 2,
      clamp: true,
      color: COLORS.ink,
      font: { weight: "600", size: 11 },
      formatter: function (value) {
        return numbers.format(value);
      },
    };
  }

  function dataset(series, horizontal, withBars) {
    var color = COLORS[series.key] || COLORS.ink;
    if (series.published) {
      return {
        type: "line",
        label: series.label,
        data: series.values,
        yAxisID: series.axis,
        showLine: false,
        pointStyle: "rect",
        pointRadius: 6,
        pointHoverRadius: 8,
        borderColor: COLORS.ink,
        borderWidth: 1.5,
        backgroundColor: color,
        order: 1,
        datalabels: valueLabels(series, horizontal, withBars),
      };
    }
    var bar = series.type === "bar";
    var options = {
      type: series.type,
      label: series.label,
      data: series.values,
      borderColor: color,
      backgroundColor: bar ? color + "cc" : color,
      borderWidth: bar ? 1 : 2,
      pointRadius: 3,
      tension: 0,
      order: 2,
      maxBarThickness: 28,
      datalabels: valueLabels(series, horizontal, withBars),
    };
    if (!horizontal) {
      options.yAxisID = series.axis;
    }
    return options;
  }

  // A label longer than `width` characters on two lines, cut at the space nearest its middle
  // (Chart.js draws an array as several lines).
  function wrap(label, width) {
    label = String(label);
    if (label.length <= width || label.indexOf(" ") < 0) {
      return label;
    }
    var middle = label.length / 2;
    var cut = -1;
    for (var i = 0; i < label.length; i++) {
      if (label[i] === " " && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) {
        cut = i;
      }
    }
    return [label.slice(0, cut), label.slice(cut + 1)];
  }

  function countAxis(extra) {
    // `grace` leaves room above the tallest bar for its value.
    return Object.assign(
      { beginAtZero: true, grace: "12%", ticks: { precision: 0 }, grid: { color: COLORS.grid } },
      extra || {}
    );
  }

  function configFor(spec) {
    var horizontal = spec.horizontal;
    var categoryAxis = {
      grid: { display: false },
      // Every country, level, continent and month named, on screen and on paper (Chart.js
      // would drop every other label it thinks does not fit); years may thin out on a phone.
      ticks: { autoSkip: spec.group === "years", maxRotation: horizontal ? 0 : 45 },
    };
    if (horizontal) {
      // Long names ("Hợp chủng quốc Hoa Kỳ") on two lines rather than cut off on a phone.
      // About 7 px a character at 12 px: the names may take two fifths of the chart's width.
      categoryAxis.ticks.callback = function (value) {
        return wrap(this.getLabelForValue(value), Math.floor((this.chart.width * 0.4) / 7));
      };
    }
    if (spec.numbered) {
      // Months: "Tháng 1" … "Tháng 12" stay in the tooltips and the table, the axis reads 1 … 12.
      categoryAxis.title = { display: true, text: spec.category };
      categoryAxis.ticks.maxRotation = 0;
      categoryAxis.ticks.callback = function (value, index) {
        return String(index + 1);
      };
    }
    var scales = horizontal ? { x: countAxis(), y: categoryAxis } : { x: categoryAxis, y: countAxis() };
    var right = spec.series.filter(function (series) {
      return series.axis === "y2";
    });
    if (right.length) {
      // A small series on its own axis, on the right, in its colour and named.
      var color = COLORS[right[0].key];
      scales.y2 = countAxis({
        position: "right",
        grid: { display: false },
        ticks: { precision: 0, color: color },
        title: { display: true, text: right[0].label, color: color },
      });
    }
    var several = spec.series.length > 1;
    var withBars = spec.series.some(function (series) {
      return series.type === "bar";
    });
    return {
      type: spec.series[0].type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series) {
          return dataset(series, horizontal, withBars);
        }),
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        interaction: { mode: "index", intersect: false },
        scales: scales,
        layout: { padding: { top: 4, right: horizontal ? 24 : 4 } },
        plugins: { legend: { display: several, position: "bottom" } },
      },
      plugins: [emptyMessage].concat(window.ChartDataLabels ? [window.ChartDataLabels] : []),
    };
  }

  var specs = {};
  data.charts.forEach(function (spec) {
    specs[spec.key] = spec;
  });
  var charts = [];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = specs[canvas.dataset.chart];
    if (spec) {
      charts.push(new Chart(canvas, configFor(spec)));
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
  print.addEventListener("change", resizeAll);
})();
