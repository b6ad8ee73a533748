// launchpad: the share kit's script, loaded after the vendored QR encoder
// (vendor/qrcode.js) on share kit pages only.
(function () {
  "use strict";

  // A share kit: `?utm_source=NAME` on the kit's own address credits NAME
  // in the printed link and QR code, redrawn here from the vendored encoder.
  var kit = document.querySelector("[data-kit]");
  if (kit) {
    var print = kit.querySelector(".print");
    if (print && window.print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    var source = window.URLSearchParams && new URLSearchParams(location.search).get("utm_source");
    if (source) {
      var swap = function (address) {
        var u = new URL(address);
        u.searchParams.set("utm_source", source);
        return u.toString();
      };
      var shareUrl = swap(kit.getAttribute("data-share-url"));
      var qrUrl = swap(kit.getAttribute("data-qr-url"));
      var link = kit.querySelector(".kit-url a");
      link.href = shareUrl;
      link.textContent = shareUrl;
      var svg = kit.querySelector(".kit-qr svg");
      if (svg && window.qrcode) {
        qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];
        var qr = qrcode(0, "M");
        qr.addData(qrUrl, "Byte");
        qr.make();
        var n = qr.getModuleCount();
        var quiet = 4;
        var size = n + 2 * quiet;
        var d = "";
        for (var y = 0; y < n; y++) {
          for (var x = 0; x < n; x++) {
            if (!qr.isDark(y, x)) continue;
            var start = x;
            while (x < n && qr.isDark(y, x)) x++;
            d += "M" + (start + quiet) + " " + (y + quiet) + "h" + (x - start) + "v1h-" + (x - start) + "z";
          }
        }
        svg.setAttribute("viewBox", "0 0 " + size + " " + size);
        svg.setAttribute("aria-label", "QR code for " + qrUrl);
        svg.querySelector("rect").setAttribute("width", size);
        svg.querySelector("rect").setAttribute("height", size);
        svg.querySelector("path").setAttribute("d", d);
        kit.setAttribute("data-qr-url", qrUrl);
      }
    }
  }

})();
