#include "framework/config/config_node.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace mann {

ConfigNode ConfigNode::null(SourcePos pos) {
  ConfigNode n;
  n.pos_ = n.key_pos_ = std::move(pos);
  return n;
}

ConfigNode ConfigNode::scalar(std::string text, SourcePos pos) {
  ConfigNode n = null(std::move(pos));
  n.kind_ = Kind::kScalar;
  n.text_ = std::move(text);
  return n;
}

ConfigNode ConfigNode::sequence(SourcePos pos) {
  ConfigNode n = null(std::move(pos));
  n.kind_ = Kind::kSequence;
  return n;
}

ConfigNode ConfigNode::map(SourcePos pos) {
  ConfigNode n = null(std::move(pos));
  n.kind_ = Kind::kMap;
  return n;
}

std::string child_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

void ConfigNode::set_path(std::string path) {
  path_ = std::move(path);
  for (Entry& e : entries_) e.value.set_path(child_path(path_, e.key));
  for (size_t i = 0; i < items_.size(); ++i) items_[i].set_path(path_ + "[" + std::to_string(i) + "]");
}

void ConfigNode::set_pos_recursive(const SourcePos& pos) {
  pos_ = key_pos_ = pos;
  for (Entry& e : entries_) e.value.set_pos_recursive(pos);
  for (ConfigNode& item : items_) item.set_pos_recursive(pos);
}

const std::string& ConfigNode::text() const {
  if (!is_scalar()) throw std::logic_error("ConfigNode::text() on a non-scalar node `" + path_ + "`");
  return text_;
}

const std::vector<ConfigNode::Entry>& ConfigNode::entries() const {
  return entries_;
}

std::vector<std::string> ConfigNode::keys() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) out.push_back(e.key);
  return out;
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  for (const Entry& e : entries_)
    if (e.key == key) return &e.value;
  return nullptr;
}

ConfigNode* ConfigNode::find(std::string_view key) {
  return const_cast<ConfigNode*>(std::as_const(*this).find(key));
}

const ConfigNode& ConfigNode::at(std::string_view key) const {
  if (const ConfigNode* n = find(key)) return *n;
  fail("missing required key `" + std::string(key) + "`");
}

ConfigNode& ConfigNode::set(std::string key, ConfigNode value) {
  if (is_null()) kind_ = Kind::kMap;
  if (!is_map()) throw std::logic_error("ConfigNode::set() on a non-map node `" + path_ + "`");
  value.set_path(child_path(path_, key));
  if (ConfigNode* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries_.push_back(Entry{std::move(key), std::move(value)});
  return entries_.back().value;
}

void ConfigNode::append_new(std::string key, ConfigNode value) {
  if (!is_map()) throw std::logic_error("ConfigNode::append_new() on a non-map node `" + path_ + "`");
  entries_.push_back(Entry{std::move(key), std::move(value)});
}

bool ConfigNode::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->key == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

const std::vector<ConfigNode>& ConfigNode::items() const {
  return items_;
}

ConfigNode& ConfigNode::push_back(ConfigNode value) {
  if (is_null()) kind_ = Kind::kSequence;
  if (!is_sequence())
    throw std::logic_error("ConfigNode::push_back() on a non-sequence node `" + path_ + "`");
  value.set_path(path_ + "[" + std::to_string(items_.size()) + "]");
  items_.push_back(std::move(value));
  return items_.back();
}

size_t ConfigNode::size() const {
  if (is_map()) return entries_.size();
  if (is_sequence()) return items_.size();
  return 0;
}

std::string ConfigNode::describe() const {
  switch (kind_) {
    case Kind::kNull:
      return "null";
    case Kind::kScalar:
      return "`" + text_ + "`";
    case Kind::kSequence:
      return "a list";
    case Kind::kMap:
      return "a map";
  }
  return "?";
}

void ConfigNode::fail(std::string what, std::string suggestion) const {
  throw ConfigError(pos_, path_, std::move(what), std::move(suggestion));
}

void ConfigNode::fail_at_key(std::string what, std::string suggestion) const {
  throw ConfigError(key_pos_, path_, std::move(what), std::move(suggestion));
}

bool ConfigNode::same_content(const ConfigNode& other) const {
  if (kind_ != other.kind_ || text_ != other.text_) return false;
  if (items_.size() != other.items_.size() || entries_.size() != other.entries_.size()) return false;
  for (size_t i = 0; i < items_.size(); ++i)
    if (!items_[i].same_content(other.items_[i])) return false;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].key != other.entries_[i].key) return false;
    if (!entries_[i].value.same_content(other.entries_[i].value)) return false;
  }
  return true;
}

// ---- typed access ----
// Scalars are kept as text (quoted or not), so `lr: "0.1"` reads as a number too: the schema, not the
// quoting, decides what a value means.

namespace {

// from_chars rejects a leading '+', which YAML allows.
std::string_view strip_plus(std::string_view s) {
  if (s.size() > 1 && s[0] == '+' && s[1] != '-') s.remove_prefix(1);
  return s;
}

bool parse_int64(std::string_view s, int64_t& out) {
  s = strip_plus(s);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  // YAML spells infinity and NaN with a leading dot.
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  s = strip_plus(s);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
  return ec == std::errc() && ptr == s.data() + s.size();
}

template <class T>
std::vector<T> as_list(const ConfigNode& node, const char* what) {
  if (!node.is_sequence()) node.fail(std::string("expected a list of ") + what + ", got " + node.describe());
  std::vector<T> out;
  out.reserve(node.items().size());
  for (const ConfigNode& item : node.items()) out.push_back(item.as<T>());
  return out;
}

}  // namespace

template <>
int64_t ConfigNode::as<int64_t>() const {
  int64_t v = 0;
  if (!is_scalar() || !parse_int64(text_, v)) fail("expected an integer, got " + describe());
  return v;
}

template <>
int ConfigNode::as<int>() const {
  const int64_t v = as<int64_t>();
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    fail("integer " + describe() + " is out of range");
  return static_cast<int>(v);
}

template <>
double ConfigNode::as<double>() const {
  double v = 0;
  if (!is_scalar() || !parse_double(text_, v)) fail("expected a number, got " + describe());
  return v;
}

template <>
float ConfigNode::as<float>() const {
  const double v = as<double>();
  if (std::isfinite(v) && std::abs(v) > std::numeric_limits<float>::max())
    fail("number " + describe() + " is out of range for float");
  return static_cast<float>(v);
}

template <>
bool ConfigNode::as<bool>() const {
  // The YAML 1.1 spellings yaml-cpp itself accepts; anything else is a mistake worth reporting.
  static const char* const kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const char* const kFalse[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  if (is_scalar()) {
    for (const char* t : kTrue)
      if (text_ == t) return true;
    for (const char* f : kFalse)
      if (text_ == f) return false;
  }
  fail("expected a boolean (true/false), got " + describe());
}

template <>
std::string ConfigNode::as<std::string>() const {
  if (!is_scalar()) fail("expected a string, got " + describe());
  return text_;
}

template <>
std::vector<int> ConfigNode::as<std::vector<int>>() const {
  return as_list<int>(*this, "integers");
}
template <>
std::vector<int64_t> ConfigNode::as<std::vector<int64_t>>() const {
  return as_list<int64_t>(*this, "integers");
}
template <>
std::vector<float> ConfigNode::as<std::vector<float>>() const {
  return as_list<float>(*this, "numbers");
}
template <>
std::vector<double> ConfigNode::as<std::vector<double>>() const {
  return as_list<double>(*this, "numbers");
}
template <>
std::vector<std::string> ConfigNode::as<std::vector<std::string>>() const {
  return as_list<std::string>(*this, "strings");
}

}  // namespace mann
