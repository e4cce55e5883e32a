// 统计看板 charts (Apache ECharts, served from the jar). Data comes from the same-origin JSON endpoint named on the page.
(function () {
  var el = document.getElementById('chart-hazards');
  if (!el || typeof echarts === 'undefined') { return; }
  fetch(el.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      echarts.init(el).setOption({
        title: { text: '隐患排查与整改（按月）' }, tooltip: { trigger: 'axis' },
        legend: { top: 24, data: ['一般隐患', '重大隐患', '已整改', '逾期'] },
        grid: { top: 64 }, xAxis: { type: 'category', data: d.months }, yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '一般隐患', type: 'bar', stack: 'found', data: d.generalFound },
          { name: '重大隐患', type: 'bar', stack: 'found', data: d.majorFound },
          { name: '已整改', type: 'line', data: d.rectified },
          { name: '逾期', type: 'line', data: d.overdue }
        ]
      });
      echarts.init(document.getElementById('chart-penalties')).setOption({
        title: { text: '行政处罚与罚款（按月）' }, tooltip: { trigger: 'axis' },
        legend: { top: 24, data: ['处罚（件）', '罚款（万元）'] }, grid: { top: 64 },
        xAxis: { type: 'category', data: d.months },
        yAxis: [{ type: 'value', name: '件', minInterval: 1 }, { type: 'value', name: '万元' }],
        series: [
          { name: '处罚（件）', type: 'bar', data: d.penalties },
          { name: '罚款（万元）', type: 'line', yAxisIndex: 1, data: d.finesWan.map(Number) }
        ]
      });
    });
})();
