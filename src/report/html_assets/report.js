(function(){
  function cellValue(row, i){
    var c = row.cells[i]; if(!c) return "";
    var v = c.getAttribute("data-sort"); return v !== null ? v : c.textContent;
  }
  document.querySelectorAll("table.sortable").forEach(function(table){
    var body = table.tBodies[0]; if(!body) return;
    table.querySelectorAll("th[data-col]").forEach(function(th){
      th.classList.add("sortable");
      th.addEventListener("click", function(){
        var i = parseInt(th.getAttribute("data-col"), 10);
        var asc = th.getAttribute("data-dir") !== "asc";
        table.querySelectorAll("th[data-col]").forEach(function(o){ o.removeAttribute("data-dir"); });
        th.setAttribute("data-dir", asc ? "asc" : "desc");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function(a, b){
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x), ny = parseFloat(y);
          var r = (!isNaN(nx) && !isNaN(ny) && String(nx) === x.trim() && String(ny) === y.trim())
              ? nx - ny : x.localeCompare(y, "ja");
          return asc ? r : -r;
        });
        rows.forEach(function(r){ body.appendChild(r); });
      });
    });
  });
  document.querySelectorAll("input.filter").forEach(function(input){
    var table = document.getElementById(input.getAttribute("data-table"));
    var count = document.getElementById(input.getAttribute("data-table") + "-count");
    input.addEventListener("input", function(){
      var q = input.value.toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function(r){
        var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
        r.style.display = hit ? "" : "none"; if(hit) shown++;
      });
      if(count) count.textContent = shown;
    });
  });
})();
