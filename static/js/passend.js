/* Passend's only script besides htmx. No inline script or event handlers anywhere: the
   Content-Security-Policy allows script from this site's own files only [issue 14]. */
"use strict";
document.addEventListener("focusin", function (e) {
  // A read-only field whose whole value the user will copy (the agenda link).
  if (e.target instanceof HTMLInputElement && e.target.hasAttribute("data-selecteer-bij-focus")) {
    e.target.select();
  }
});
// A table that scrolls sideways in its own box (narrow screens) can be scrolled with the keyboard.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".tabel, .tabel-rol").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
      el.tabIndex = 0;
    }
  });
});
// A print button (the TLV blad): no inline handler, the CSP allows none [issue 14].
document.addEventListener("click", function (e) {
  if (e.target instanceof Element && e.target.closest("[data-afdrukken]")) {
    window.print();
  }
});
