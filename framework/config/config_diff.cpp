#include "framework/config/config_diff.h"

#include <cstdlib>

namespace mann {
namespace {

// The whole text is one number (strtod's syntax).
bool read_number(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

bool same_scalar(const std::string& a, const std::string& b) {
  if (a == b) return true;
  double x = 0, y = 0;
  return read_number(a, x) && read_number(b, y) && x == y;
}

std::string short_text(const ConfigNode& node) {
  return node.is_scalar() ? node.text() : node.describe();
}

void collect(const ConfigNode& left, const ConfigNode& right, const std::string& path,
             std::vector<ConfigDifference>& out) {
  if (left.is_map() && right.is_map()) {
    for (const ConfigNode::Entry& e : left.entries()) {
      const ConfigNode* other = right.find(e.key);
      if (other)
        collect(e.value, *other, child_path(path, e.key), out);
      else
        out.push_back({child_path(path, e.key), short_text(e.value), "absent"});
    }
    for (const ConfigNode::Entry& e : right.entries())
      if (!left.contains(e.key)) out.push_back({child_path(path, e.key), "absent", short_text(e.value)});
    return;
  }
  const bool same = left.is_scalar() && right.is_scalar() ? same_scalar(left.text(), right.text())
                                                          : left.same_content(right);
  if (!same) out.push_back({path, short_text(left), short_text(right)});
}

}  // namespace

std::vector<ConfigDifference> config_differences(const ConfigNode& left, const ConfigNode& right) {
  std::vector<ConfigDifference> out;
  collect(left, right, "", out);
  return out;
}

std::string describe_differences(const std::vector<ConfigDifference>& differences,
                                 const std::string& left_name, const std::string& right_name, size_t limit) {
  std::string text;
  for (size_t i = 0; i < differences.size() && i < limit; ++i) {
    const ConfigDifference& d = differences[i];
    text += (i ? "; " : "") + d.path + ": " + d.left + " " + left_name + ", " + d.right + " " + right_name;
  }
  if (differences.size() > limit) text += "; and " + std::to_string(differences.size() - limit) + " more";
  return text;
}

}  // namespace mann
