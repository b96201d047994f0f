// Upload progress for the workspace's file forms (form[data-upload-progress]): the form
// is sent with XMLHttpRequest so the browser reports how much has gone; then the page
// says the server is checking the rows, and shows the answer (a redirect or the page
// with the row errors). Without JavaScript the form posts as usual.
(function () {
  'use strict';
  function enhance(form) {
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'text/html');
      if (bar) { bar.hidden = false; bar.value = 0; }
      if (status) status.textContent = status.getAttribute('data-uploading') || '';
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable && bar) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      request.upload.addEventListener('load', function () {
        if (bar) bar.removeAttribute('value');
        if (status) status.textContent = status.getAttribute('data-checking') || '';
      });
      request.addEventListener('load', function () {
        if (request.responseURL && request.responseURL !== form.action) {
          window.location.assign(request.responseURL);
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', function () { form.submit(); });
      request.send(new FormData(form));
    });
  }
  var forms = document.querySelectorAll('form[data-upload-progress]');
  for (var i = 0; i < forms.length; i++) enhance(forms[i]);
})();
