// Pre-fills the one-item form's description from the answers while the officer answers (no inline script, see CSP).
// The officer's own words are never overwritten: only an empty box or the previous draft is replaced.
(function () {
  const form = document.getElementById('finding-form');
  const text = document.getElementById('description');
  if (!form || !text || !form.dataset.draftUrl) return;
  let lastDraft = null;
  form.addEventListener('change', async (event) => {
    if (!event.target.name || !event.target.name.startsWith('answers[')) return;
    const answers = {};
    form.querySelectorAll('input[name^="answers["]').forEach(i => {
      if ((i.type === 'radio' && i.checked) || (i.type === 'number' && i.value !== '')) answers[i.name.slice(8, -1)] = i.value;
    });
    const res = await fetch(form.dataset.draftUrl, { method: 'POST',
      headers: { 'Content-Type': 'application/json', [form.dataset.csrfHeader]: form.dataset.csrfToken },
      body: JSON.stringify({ group: form.dataset.group, answers }) });
    if (!res.ok) return;
    const draft = (await res.json()).description;
    if (text.value.trim() === '' || text.value === lastDraft) { text.value = draft; }
    lastDraft = draft;
  });
})();
