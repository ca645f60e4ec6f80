// Sends the import form with a progress bar for the upload; without JavaScript the form posts as usual.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var progress = document.getElementById('upload-progress');
  var group = form.querySelector('.si-upload-progress');
  var status = document.getElementById('upload-status');
  var button = form.querySelector('button[type=submit]');

  form.addEventListener('submit', function (event) {
    var file = document.getElementById('Upload');
    if (!file.files || file.files.length === 0) return; // let the server say what is missing
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action || window.location.href);
    request.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      progress.textContent = percent + '%';
      if (percent % 10 === 0 || percent === 100) status.textContent = 'Uploaded ' + percent + '%';
    });
    request.upload.addEventListener('load', function () {
      status.textContent = 'Uploaded. Checking and importing every row: this can take a minute for a large file.';
    });
    request.addEventListener('load', function () {
      if (request.responseURL && request.responseURL.indexOf('/Admin/Imports/Run/') !== -1) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', function () {
      button.disabled = false;
      status.textContent = 'The upload failed: check your connection and try again.';
    });
    group.hidden = false;
    button.disabled = true;
    status.textContent = 'Uploading ' + file.files[0].name;
    request.send(new FormData(form));
  });
})();
