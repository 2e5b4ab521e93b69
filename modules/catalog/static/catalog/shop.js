/* Product page: switch variants by option and swap gallery images; product lists: fold the filters on
   phones. Without this script the pages still work: the variant list is a plain form (?variant=),
   thumbnails link to the images and the filters stay unfolded. */
(function () {
  "use strict";

  function setupVariants(product) {
    var form = product.querySelector("[data-variant-form]");
    var dataElement = document.getElementById("product-variants");
    if (!form || !dataElement) return;
    var data = JSON.parse(dataElement.textContent);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-attribute]"));
    if (!selects.length) return; // variants without options: the plain list is the choice
    var plain = form.querySelector("[data-variant-plain]");
    var plainSelect = plain.querySelector("select");
    var price = product.querySelector("[data-variant-price]");
    var compare = product.querySelector("[data-variant-compare]");
    var stock = product.querySelector("[data-variant-stock]");
    var sku = product.querySelector("[data-variant-sku]");
    var missing = form.querySelector("[data-variant-missing]");

    form.querySelectorAll("[data-option]").forEach(function (el) { el.hidden = false; });
    plain.hidden = true;

    function chosen() {
      var wanted = data.attributes.map(function (attributeId) {
        var select = form.querySelector('select[data-attribute="' + attributeId + '"]');
        return select ? Number(select.value) : null;
      });
      return data.variants.find(function (variant) {
        return wanted.every(function (valueId) { return valueId === null || variant.values.indexOf(valueId) !== -1; });
      });
    }

    function show() {
      var variant = chosen();
      missing.hidden = Boolean(variant);
      [price, compare, stock, sku].forEach(function (el) { el.closest("p").hidden = !variant; });
      if (!variant) return;
      price.textContent = variant.price;
      price.classList.toggle("is-sale", Boolean(variant.compare_at));
      compare.hidden = !variant.compare_at;
      compare.querySelector("[data-amount]").textContent = variant.compare_at;
      stock.textContent = variant.stock_label;
      stock.className = "shop-stock shop-stock-" + variant.stock;
      sku.textContent = variant.sku;
      plainSelect.value = String(variant.id);
      var url = new URL(window.location.href);
      url.searchParams.set("variant", variant.id);
      window.history.replaceState(null, "", url);
    }

    selects.forEach(function (select) { select.addEventListener("change", show); });
  }

  function setupGallery(product) {
    var main = product.querySelector("[data-gallery-main]");
    if (!main || !main.src) return;
    product.querySelectorAll("[data-gallery-thumb]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        main.src = link.href;
        main.alt = link.dataset.alt;
        main.removeAttribute("width");
        main.removeAttribute("height");
        product.querySelectorAll("[data-gallery-thumb]").forEach(function (other) { other.removeAttribute("aria-current"); });
        link.setAttribute("aria-current", "true");
      });
    });
  }

  if (window.matchMedia("(max-width: 879px)").matches) {
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) { details.open = false; });
  }

  document.querySelectorAll("[data-product]").forEach(function (product) {
    setupVariants(product);
    setupGallery(product);
  });
})();
