// Live verdict of each checklist group on the checklist page (the page itself carries no inline script, see CSP).
(function () {
  const form = document.getElementById('checklist-form');
  if (!form) return;
  const previewUrl = form.dataset.previewUrl;
  const csrfHeader = form.dataset.csrfHeader;
  const csrfToken = form.dataset.csrfToken;
  function escapeHtml(s) { return String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }
  async function judge(groupEl) {
    const answers = {};
    groupEl.querySelectorAll('input[data-question]').forEach(i => {
      if ((i.type === 'radio' && i.checked) || (i.type === 'number' && i.value !== '' && answers[i.dataset.question] === undefined)) answers[i.dataset.question] = i.value;
    });
    const box = groupEl.querySelector('.verdict');
    if (Object.keys(answers).length === 0) { box.innerHTML = '<span class="muted">未作答</span>'; return; }
    const res = await fetch(previewUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', [csrfHeader]: csrfToken },
      body: JSON.stringify({ group: groupEl.dataset.group, answers }) });
    const r = await res.json();
    if (!r.complete) {
      box.innerHTML = '<span class="muted">尚不能判定，请先作答：</span><ul class="missing">'
        + r.missing.map(m => '<li>' + escapeHtml(m) + '</li>').join('') + '</ul>';
      return;
    }
    let html = '<span class="grade ' + r.grade + '">' + escapeHtml(r.gradeLabel) + '</span>';
    r.citations.forEach((c, n) => html += '<p><strong>' + escapeHtml(c) + '</strong><br/>' + escapeHtml(r.titles[n])
      + (r.secondary[n] ? '<br/><span class="secondary-source">🟡 该项文字取自二手来源，尚待核对官方原文</span>' : '') + '</p>');
    if (r.reason) html += '<p class="muted">' + escapeHtml(r.reason) + '</p>';
    box.innerHTML = html;
  }
  document.querySelectorAll('.group').forEach(g => {
    g.addEventListener('change', () => judge(g));
    if (g.querySelector('input[data-question]:checked')) judge(g);
  });
})();
