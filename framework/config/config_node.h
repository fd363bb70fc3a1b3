#pragma once
// ConfigNode: mann's own config tree. We convert yaml-cpp's nodes into it once so that every node carries
// its source position (file, line, column) and its dotted key path; error messages can then always say
// exactly where a bad value came from, even after base files and --set overrides were merged in.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "framework/config/config_error.h"

namespace mann {

class ConfigNode {
 public:
  enum class Kind { kNull, kScalar, kSequence, kMap };
  struct Entry;  // one key/value pair of a map; defined below

  ConfigNode() = default;  // a null node with no position
  static ConfigNode null(SourcePos pos = {});
  static ConfigNode scalar(std::string text, SourcePos pos = {});
  static ConfigNode sequence(SourcePos pos = {});
  static ConfigNode map(SourcePos pos = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_scalar() const { return kind_ == Kind::kScalar; }
  bool is_sequence() const { return kind_ == Kind::kSequence; }
  bool is_map() const { return kind_ == Kind::kMap; }

  // Position of the value, and of its key when the node sits in a map (unknown-key errors point at the key).
  const SourcePos& pos() const { return pos_; }
  const SourcePos& key_pos() const { return key_pos_; }
  void set_pos(SourcePos pos) { pos_ = std::move(pos); }
  void set_key_pos(SourcePos pos) { key_pos_ = std::move(pos); }
  // Sets value and key positions of this node and all descendants (for --set values and spec defaults,
  // whose inner YAML positions mean nothing to the user).
  void set_pos_recursive(const SourcePos& pos);

  // Dotted key path from the root, e.g. "model.addressing.score" or "model.sizes[1]"; "" for the root.
  const std::string& path() const { return path_; }
  // Renames this node and all its descendants (used when a subtree is moved under another key).
  void set_path(std::string path);

  // Scalar text; std::logic_error unless is_scalar().
  const std::string& text() const;

  // Map access. Maps keep insertion order, so listings and to_yaml() follow the file.
  const std::vector<Entry>& entries() const;
  std::vector<std::string> keys() const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const ConfigNode* find(std::string_view key) const;  // nullptr when absent (or not a map)
  ConfigNode* find(std::string_view key);
  // Like find() but throws ConfigError "missing required key" at this map's position.
  const ConfigNode& at(std::string_view key) const;
  // Inserts at the end or replaces in place, renames the value's path and returns the stored node. A null
  // node becomes an empty map first, so that `train:` followed by --set train.lr=... works.
  ConfigNode& set(std::string key, ConfigNode value);
  // Appends a key the caller knows is new, without renaming the value: the YAML loader, which checks
  // duplicates itself with a hash and builds paths as it goes, so that large maps load in linear time.
  void append_new(std::string key, ConfigNode value);
  bool erase(std::string_view key);

  // Sequence access.
  const std::vector<ConfigNode>& items() const;
  ConfigNode& push_back(ConfigNode value);

  size_t size() const;  // entries of a map, items of a sequence, 0 otherwise

  // Typed access to scalars (and lists of scalars). A mismatch throws ConfigError at this node:
  // "f.yaml:3:7: key `train.lr`: expected a number, got `abc`". Supported: int, int64_t, float, double,
  // bool, std::string, std::vector of int, int64_t, float, double, std::string.
  template <class T>
  T as() const;

  // Short description for messages: "`abc`" for scalars, "null", "a list", "a map".
  std::string describe() const;
  // Throws a ConfigError located at this node's value (or key) with this node's key path.
  [[noreturn]] void fail(std::string what, std::string suggestion = {}) const;
  [[noreturn]] void fail_at_key(std::string what, std::string suggestion = {}) const;

  // Structural equality (kind, text, keys in order, items); positions and paths are ignored.
  bool same_content(const ConfigNode& other) const;

 private:
  Kind kind_ = Kind::kNull;
  std::string text_;
  std::vector<ConfigNode> items_;
  std::vector<Entry> entries_;
  SourcePos pos_;
  SourcePos key_pos_;
  std::string path_;
};

struct ConfigNode::Entry {
  std::string key;
  ConfigNode value;
};

template <>
int ConfigNode::as<int>() const;
template <>
int64_t ConfigNode::as<int64_t>() const;
template <>
float ConfigNode::as<float>() const;
template <>
double ConfigNode::as<double>() const;
template <>
bool ConfigNode::as<bool>() const;
template <>
std::string ConfigNode::as<std::string>() const;
template <>
std::vector<int> ConfigNode::as<std::vector<int>>() const;
template <>
std::vector<int64_t> ConfigNode::as<std::vector<int64_t>>() const;
template <>
std::vector<float> ConfigNode::as<std::vector<float>>() const;
template <>
std::vector<double> ConfigNode::as<std::vector<double>>() const;
template <>
std::vector<std::string> ConfigNode::as<std::vector<std::string>>() const;

// Joins a parent path and a key: child_path("model", "hops") == "model.hops", child_path("", "x") == "x".
std::string child_path(std::string_view parent, std::string_view key);

// ---- YAML conversion (config_yaml.cpp) ----

// Parses YAML text; pseudo_path is the file name used in positions (e.g. "<command line>"). Syntax errors,
// duplicate keys, non-string keys, unknown tags, a second document, recursive aliases and anything beyond
// config_limits.h throw ConfigError. An empty document gives a null node.
ConfigNode load_config_string(std::string_view text, const std::string& pseudo_path);
// Reads and parses a file; a missing/unreadable file throws ConfigError "cannot read file X: why". Does not
// resolve `base:` (see inherit.h).
ConfigNode load_config_file(const std::string& path);
// Why `path` cannot be read as a config file ("it does not exist", "it is a directory", "it is not a
// regular file" for FIFOs and devices, too large), or "" when it can; checked before a byte is read.
std::string config_file_problem(const std::string& path);
// Emits YAML that load_config_string() parses back to a tree with the same content.
std::string to_yaml(const ConfigNode& node);

}  // namespace mann
