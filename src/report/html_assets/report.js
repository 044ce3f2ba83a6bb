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
  // Diagrams (figure.diagram): fit the width by default; click toggles 1:1 / fit, the buttons
  // and Ctrl+wheel zoom. Graphviz gives the size in points in the viewBox: 1pt = 4/3 px.
  document.querySelectorAll("figure.diagram").forEach(function(fig){
    var svg = fig.querySelector(".diagram-view svg"); if(!svg) return;
    var box = svg.viewBox && svg.viewBox.baseVal;
    var natural = box && box.width ? box.width * 4 / 3 : svg.getBoundingClientRect().width;
    var scale = 1;
    function fit(){ fig.classList.add("fit"); svg.style.width = ""; svg.style.height = ""; }
    function zoom(s){
      scale = Math.min(8, Math.max(0.1, s));
      fig.classList.remove("fit");
      svg.style.width = (natural * scale) + "px"; svg.style.height = "auto";
    }
    function current(){
      return fig.classList.contains("fit") ? svg.getBoundingClientRect().width / natural : scale;
    }
    fig.querySelectorAll("button[data-zoom]").forEach(function(b){
      b.addEventListener("click", function(){
        var z = b.getAttribute("data-zoom");
        if(z === "fit") fit(); else if(z === "actual") zoom(1);
        else zoom(current() * (z === "in" ? 1.25 : 0.8));
      });
    });
    svg.addEventListener("click", function(e){
      if(e.target.closest && e.target.closest("a")) return;
      if(fig.classList.contains("fit")) zoom(1); else fit();
    });
    fig.querySelector(".diagram-view").addEventListener("wheel", function(e){
      if(!e.ctrlKey) return;
      e.preventDefault(); zoom(current() * (e.deltaY < 0 ? 1.1 : 0.9));
    }, {passive: false});
  });
})();
