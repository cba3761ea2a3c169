// Every group of fields (a fieldset), with its choices' labels and what its aria-describedby says of it.
const text = (id) => { const e = document.getElementById(id); return e ? e.textContent : ''; };
return [...document.querySelectorAll('fieldset')].map((group) => {
  const ids = (group.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  return {element: group, description: ids.map(text).join(' '),
          choices: [...group.querySelectorAll('input')].map((e) => [...e.labels].map((l) => l.innerText).join(' '))};
});
