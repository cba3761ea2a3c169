// What a screen reader announces as a page opens: its title, language, main headings and alerts.
return {title: document.title, lang: document.documentElement.lang,
        headings: [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')].map((h) => h.innerText),
        alerts: [...document.querySelectorAll('[role=alert]')].map((a) => a.innerText)};
