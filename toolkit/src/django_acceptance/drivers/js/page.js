// What the steps read of a page, in one round trip; kept until the next action.
const h1 = document.querySelector('h1');
return {
  path: here(),
  text: document.body ? document.body.innerText : '',
  heading: h1 ? h1.innerText : '',
  links: [...document.querySelectorAll('a[href]')].map((a) => clean(a.innerText)),
  buttons: buttons().map(buttonWords),
  labels: [...document.querySelectorAll('label')].map((l) => labelWords(l.textContent)),
};
