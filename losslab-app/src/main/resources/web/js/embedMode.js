// Loaded before the page paints (a classic script, not a module): under /embed the lab shows only
// the landscape, the race controls and the racers, for an iframe on another page (lab.css, .embed).
if (location.pathname === '/embed') document.documentElement.classList.add('embed');
