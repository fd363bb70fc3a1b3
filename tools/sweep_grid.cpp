#include "tools/sweep_grid.h"

#include <cctype>

#include "framework/config/config_error.h"

namespace mann {
namespace {

// A value as --set takes it: YAML flow syntax, so lists and maps stay one argument.
std::string flow_yaml(const ConfigNode& node) {
  if (node.is_scalar()) return node.text();
  if (node.is_null()) return "null";
  std::string text = node.is_map() ? "{" : "[";
  bool first = true;
  const auto separate = [&] {
    if (!first) text += ", ";
    first = false;
  };
  if (node.is_map()) {
    for (const ConfigNode::Entry& e : node.entries()) {
      separate();
      text += e.key + ": " + flow_yaml(e.value);
    }
  } else {
    for (const ConfigNode& item : node.items()) {
      separate();
      text += flow_yaml(item);
    }
  }
  return text + (node.is_map() ? "}" : "]");
}

std::string safe_label(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool keep = std::isalnum(static_cast<unsigned char>(ch)) ||
                      std::string_view("._=+-").find(ch) != std::string_view::npos;
    out += keep ? ch : '_';
  }
  return out;
}

}  // namespace

std::vector<SweepPoint> expand_sweep_grid(const ConfigNode& sweep) {
  if (!sweep.is_map() || sweep.size() == 0)
    throw ConfigError(sweep.pos(), sweep.path(),
                      "a sweep is a map of key paths to lists of values, e.g. "
                      "`sweep: {train.optimizer.lr: [0.01, 0.005], model.hops: [1, 2]}`");
  std::vector<SweepPoint> points = {{}};
  for (const ConfigNode::Entry& e : sweep.entries()) {
    std::vector<std::string> values;
    if (e.value.is_sequence()) {
      for (const ConfigNode& item : e.value.items()) values.push_back(flow_yaml(item));
    } else {
      values.push_back(flow_yaml(e.value));
    }
    if (values.empty())
      throw ConfigError(e.value.pos(), e.value.path(), "a sweep key needs at least one value");
    std::vector<SweepPoint> grown;
    for (const SweepPoint& point : points)
      for (const std::string& value : values) {
        SweepPoint next = point;
        const std::string assignment = e.key + "=" + value;
        next.overrides.push_back(assignment);
        next.label += (next.label.empty() ? "" : "+") + safe_label(assignment);
        grown.push_back(std::move(next));
      }
    points = std::move(grown);
  }
  return points;
}

}  // namespace mann
