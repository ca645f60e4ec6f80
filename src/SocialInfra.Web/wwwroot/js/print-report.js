// The ward report's "Print this report" button (hidden without JavaScript: the browser's own print works too).
(function () {
  'use strict';
  var button = document.getElementById('print-report');
  if (button) button.addEventListener('click', function () { window.print(); });
})();
