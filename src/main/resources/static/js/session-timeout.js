// Idle-session warning: the server ends a session after <meta name="session-timeout"> seconds without a request.
// Two minutes before that (or at 80% for short timeouts) a banner offers to continue, which renews the session.
(function () {
  var meta = document.querySelector('meta[name="session-timeout"]');
  if (!meta) { return; }
  var timeout = parseInt(meta.getAttribute('content'), 10) * 1000;
  if (!(timeout > 0)) { return; }
  var lead = Math.min(120000, timeout * 0.2);
  var warnTimer, endTimer, banner;

  function show(text, withButton) {
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'session-warning';
      banner.className = 'session-warning';
      banner.setAttribute('role', 'alert');
      document.body.appendChild(banner);
    }
    banner.textContent = text + ' ';
    if (withButton) {
      var b = document.createElement('button');
      b.type = 'button';
      b.id = 'session-continue';
      b.textContent = '继续使用';
      b.onclick = function () {
        fetch(meta.getAttribute('data-keepalive'), { credentials: 'same-origin', redirect: 'manual' })
          .then(function (r) { if (r.status === 204) { arm(); } else { expired(); } })
          .catch(expired);
      };
      banner.appendChild(b);
    }
    banner.style.display = 'block';
  }

  function expired() {
    show('会话已因长时间未操作而过期，未保存的内容不会提交，请重新登录。', false);
  }

  function arm() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    if (banner) { banner.style.display = 'none'; }
    warnTimer = setTimeout(function () {
      var at = new Date(Date.now() + lead);
      show('您已较长时间未操作，会话将于 ' + at.toLocaleTimeString('zh-CN') + ' 过期，请保存工作。', true);
    }, timeout - lead);
    endTimer = setTimeout(expired, timeout);
  }

  arm();
})();
