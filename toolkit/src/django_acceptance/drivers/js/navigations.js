// Every navigation landmark of the page, in the page's order.
return [...document.querySelectorAll('nav, [role=navigation]')];
