/* Passend's only script besides htmx. No inline script or event handlers anywhere: the
   Content-Security-Policy allows script from this site's own files only [issue 14]. */
"use strict";
document.addEventListener("focusin", function (e) {
  // A read-only field whose whole value the user will copy (the agenda link).
  if (e.target instanceof HTMLInputElement && e.target.hasAttribute("data-selecteer-bij-focus")) {
    e.target.select();
  }
});
