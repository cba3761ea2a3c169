// Every field and button a person can reach, with what aria-describedby and aria-invalid say of it.
const text = (id) => { const e = document.getElementById(id); return e ? e.textContent : ''; };
return [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button')]
  .filter((e) => e.getClientRects().length)
  .map((e) => {
    const described = e.closest('fieldset[aria-describedby]') && !e.hasAttribute('aria-describedby')
      ? e.closest('fieldset') : e;
    const ids = (described.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return {element: e, description: ids.map(text).join(' '), missing: ids.filter((id) => !document.getElementById(id)),
            invalid: e.getAttribute('aria-invalid') === 'true', html: e.outerHTML.slice(0, 200)};
  });
