// A form no page of the site offers, sent from the page on show with its CSRF token:
// arguments[0] is the address, arguments[1] the fields.
window.acceptanceLeaving = true;
const token = (document.cookie.match(/(?:^|; )csrftoken=([^;]*)/) || [])[1] || '';
const form = document.createElement('form');
form.method = 'post';
form.action = arguments[0];
for (const [name, value] of Object.entries({csrfmiddlewaretoken: token, ...arguments[1]})) {
  const input = document.createElement('input');
  Object.assign(input, {type: 'hidden', name: name, value: value});
  form.appendChild(input);
}
document.body.appendChild(form);
form.submit();
return true;
