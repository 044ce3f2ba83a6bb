#include "report/render.h"

#include "report/zoned_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace icsrisk::report {
namespace {

std::mutex graphviz_mutex;
std::string* captured = nullptr;  // guarded by graphviz_mutex

int capture(char* message) {
  if (captured && message) *captured += message;
  return 0;
}

/// Routes Graphviz messages into `sink` for its lifetime and restores the previous handler.
class ErrorCapture {
 public:
  explicit ErrorCapture(std::string& sink) {
    captured = &sink;
    previous_ = agseterrf(capture);
    agreseterrors();
  }
  ~ErrorCapture() {
    agseterrf(previous_);
    captured = nullptr;
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  /// Whether an error (not only a warning) was reported since construction.
  bool failed() const { return agerrors() > AGWARN; }

 private:
  agusererrf previous_;
};

const char* format_name(ImageFormat f) {
  switch (f) {
    case ImageFormat::kSvg:
      return "svg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kPdf:
      return "pdf";
  }
  return "svg";
}

// ---- Reading DOT with ids in creation order --------------------------------------------------
// cgraph's default id discipline uses the address of each name's interned string as the object
// id, and keeps subgraphs ordered by id: clusters are then laid out in heap-address order, which
// changes from one render to the next inside a process. This discipline numbers names in the
// order they are first seen, so the same DOT text always gives the same layout.

struct IdState {
  std::unordered_map<std::string, IDTYPE> ids;
  std::deque<std::string> names;  // names[k] has id 2k+2; a deque keeps c_str() stable
  IDTYPE anonymous = 1;           // odd ids, as cgraph expects for unnamed objects
};

void* id_open(Agraph_t*, Agdisc_t*) {
  return new IdState;
}

long id_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<IdState*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  s->names.emplace_back(str);
  *id = static_cast<IDTYPE>(2 * s->names.size());
  s->ids.emplace(s->names.back(), *id);
  return 1;
}

long id_alloc(void*, int, IDTYPE) {
  return 0;
}  // explicit ids are not offered
void id_free(void*, int, IDTYPE) {}
char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1].data();
}
void id_close(void* state) {
  delete static_cast<IdState*>(state);
}
void id_register(void*, int, void*) {}

Agiddisc_t ordered_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

struct MemReader {
  const std::string* text;
  std::size_t pos = 0;
};

/// Hands the text to the scanner a line at a time, as cgraph's own agmemread() does.
int mem_read(void* chan, char* buf, int size) {
  auto* r = static_cast<MemReader*>(chan);
  int n = 0;
  while (n < size && r->pos < r->text->size()) {
    char c = (*r->text)[r->pos++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  return n;
}

/// The discipline of the graphs we make ourselves (the zones of a zoned layout).
Agdisc_t ordered_disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};

Agraph_t* read_dot(const std::string& text) {
  static Agiodisc_t io = {mem_read, AgIoDisc.putstr, AgIoDisc.flush};
  Agdisc_t disc = {&AgMemDisc, &ordered_ids, &io};
  MemReader reader{&text};
  return agread(&reader, &disc);
}

/// Graphviz's messages, trimmed, or `fallback` when it said nothing.
core::Error graphviz_error(const std::string& messages, const char* fallback) {
  std::string m = messages;
  while (!m.empty() && std::isspace(static_cast<unsigned char>(m.back())))
    m.pop_back();
  return core::Error{"graphviz: " + (m.empty() ? std::string(fallback) : m)};
}

/// Graphviz 2.43's dot_cleanup() frees rank arrays that flat_edges() reallocated when it made
/// room for the label of an edge between two nodes of one rank inside a cluster: a double free
/// that aborts the process. Graphs with edge labels therefore skip gvFreeLayout(); their layout
/// memory (a few hundred kilobytes for a plant) is not returned. Our own diagrams use no edge
/// labels; this guards any other DOT text given to render_dot().
bool has_edge_labels(Agraph_t* g) {
  return agattr(g, AGEDGE, const_cast<char*>("label"), nullptr);
}

/// The one Graphviz context of the process, created on first use (under graphviz_mutex) before
/// any graph is read (gvContext() installs the default node label that graphs read later use)
/// and never freed: Graphviz 2.43's pango plugin caches a pointer to the last font name, which
/// lives in the context's font dictionary, so freeing a context and creating another reads freed
/// memory (found by ASan).
GVC_t* context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

/// Renders the laid-out `g` in `format`.
core::Result<std::string> render_laid_out(GVC_t* gvc, Agraph_t* g, ImageFormat format,
                                          const ErrorCapture& errors, const std::string& messages) {
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, format_name(format), &data, &length);
  core::Result<std::string> out = std::string();
  if (rc != 0 || errors.failed() || !data) {
    out = graphviz_error(messages, "rendering failed");
  } else {
    out = std::string(data, length);
  }
  if (data) gvFreeRenderData(data);
  return out;
}

}  // namespace

std::optional<ImageFormat> image_format_of(std::string_view extension) {
  std::string e(extension);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (e == ".svg") return ImageFormat::kSvg;
  if (e == ".png") return ImageFormat::kPng;
  if (e == ".pdf") return ImageFormat::kPdf;
  return std::nullopt;
}

core::Result<std::string> render_dot(std::string_view dot_text, ImageFormat format) {
  auto out = render_dot_formats(dot_text, {format});
  if (!out) return out.error();
  return std::move(out->front());
}

namespace {

/// Lays `g` out and renders it in each of `formats`, appending to `out`. A large zoned diagram
/// is laid out zone by zone (zoned_layout.h), or given the positions of `pin_to` when that is
/// such a diagram of the same structure, and rendered with its positions pinned; any other
/// with dot. `g` keeps its positions as attributes.
core::Status lay_out_and_render(GVC_t* gvc, Agraph_t* g, Agraph_t* pin_to,
                                const std::vector<ImageFormat>& formats, const ErrorCapture& errors,
                                const std::string& messages, std::vector<std::string>& out) {
  const bool zoned = detail::wants_zoned_layout(g);
  bool placed = !zoned;
  if (zoned) {
    placed = (pin_to && detail::pin_like(pin_to, g)) || detail::zoned_layout(gvc, g, &ordered_disc);
    placed = placed && !errors.failed();
  }
  if (!placed || gvLayout(gvc, g, zoned ? "nop2" : "dot") != 0 || errors.failed())
    return graphviz_error(messages, "layout failed");
  core::Status status = core::Ok{};
  for (ImageFormat f : formats) {
    // A zoned drawing too large for a PNG at 96 dpi is rendered smaller (its positions are
    // pinned: laying it out again at another dpi costs nothing).
    if (zoned && f == ImageFormat::kPng) {
      const std::string dpi = detail::png_dpi(g);
      if (!dpi.empty()) {
        gvFreeLayout(gvc, g);
        agsafeset(g, const_cast<char*>("dpi"), const_cast<char*>(dpi.c_str()),
                  const_cast<char*>(""));
        if (gvLayout(gvc, g, "nop2") != 0 || errors.failed())
          return graphviz_error(messages, "layout failed");
      }
    }
    auto one = render_laid_out(gvc, g, f, errors, messages);
    if (!one) {
      status = one.error();
      break;
    }
    out.push_back(std::move(*one));
  }
  if (!has_edge_labels(g)) gvFreeLayout(gvc, g);
  return status;
}

}  // namespace

core::Result<std::vector<std::string>> render_dot_formats(std::string_view dot_text,
                                                          const std::vector<ImageFormat>& formats) {
  return render_dot_variants(dot_text, {}, formats);
}

core::Result<std::vector<std::string>> render_dot_variants(
    std::string_view dot_text, const std::vector<std::string_view>& variants,
    const std::vector<ImageFormat>& formats) {
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  std::string messages;
  ErrorCapture errors(messages);
  GVC_t* const gvc = context();
  if (!gvc) return core::Error{"graphviz: cannot create a context"};
  std::vector<std::string> out;
  std::string text(dot_text);
  Agraph_t* base = read_dot(text);
  if (!base || errors.failed()) {
    if (base) agclose(base);
    return graphviz_error(messages, "cannot parse the DOT text");
  }
  core::Status status = lay_out_and_render(gvc, base, nullptr, formats, errors, messages, out);
  for (std::size_t k = 0; status && k < variants.size(); ++k) {
    std::string variant(variants[k]);
    Agraph_t* g = read_dot(variant);
    if (!g || errors.failed()) {
      if (g) agclose(g);
      status = graphviz_error(messages, "cannot parse the DOT text");
      break;
    }
    status = lay_out_and_render(gvc, g, base, formats, errors, messages, out);
    agclose(g);
  }
  agclose(base);
  if (!status) return status.error();
  return out;
}

core::Result<std::size_t> dot_elements(std::string_view dot_text) {
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  std::string messages;
  ErrorCapture errors(messages);
  if (!context()) return core::Error{"graphviz: cannot create a context"};
  std::string text(dot_text);
  Agraph_t* g = read_dot(text);
  if (!g || errors.failed()) {
    if (g) agclose(g);
    return graphviz_error(messages, "cannot parse the DOT text");
  }
  // dot gives an edge that spans k ranks k - 1 virtual nodes: count each edge as its minlen, so
  // a bus with thousands of assets in rows (minlen up to the row count) weighs what it costs.
  std::size_t n = static_cast<std::size_t>(agnnodes(g));
  for (Agnode_t* v = agfstnode(g); v; v = agnxtnode(g, v))
    for (Agedge_t* e = agfstout(g, v); e; e = agnxtout(g, e)) {
      const char* minlen = agget(e, const_cast<char*>("minlen"));
      long k = minlen && *minlen ? std::strtol(minlen, nullptr, 10) : 1;
      n += static_cast<std::size_t>(std::max(1L, k));
    }
  agclose(g);
  return n;
}

}  // namespace icsrisk::report
