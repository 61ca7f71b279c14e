// Records on <html> what the page shows once it has loaded, for tests/test_docs.py (headless Chromium):
// data-images="loaded/total" (images that decoded with a size) and data-math="done" once MathJax has typeset.
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.documentElement.setAttribute("data-images", ok + "/" + imgs.length);
  if (window.MathJax && MathJax.Hub) {
    MathJax.Hub.Queue(function () { document.documentElement.setAttribute("data-math", "done"); });
  } else {
    document.documentElement.setAttribute("data-math", "none");
  }
});
