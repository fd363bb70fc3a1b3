// YAML <-> ConfigNode conversion. yaml-cpp is confined to this file; the rest of mann sees only ConfigNode.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "framework/config/config_limits.h"
#include "framework/config/config_node.h"

namespace mann {

namespace fs = std::filesystem;

namespace {

// yaml-cpp marks are 0-based and -1 when unknown; ours are 1-based with 0 for unknown.
SourcePos to_pos(const YAML::Mark& mark, const std::string& file) {
  if (mark.line < 0) return SourcePos{file, 0, 0};
  return SourcePos{file, mark.line + 1, mark.column + 1};
}

// 1-based line of the `---` that starts a second document (0 if not found, e.g. only a `...` end marker).
int second_document_line(std::string_view text) {
  int line = 1;
  bool content_seen = false;  // anything but comments and blank lines: the first document has begun
  for (size_t start = 0; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(start, end - start);
    if (l.starts_with("---")) {
      if (content_seen) return line;
      content_seen = true;
    } else if (!l.empty() && l.find_first_not_of(" \t\r") != std::string_view::npos && l[0] != '#') {
      content_seen = true;
    }
    start = end + 1;
  }
  return 0;
}

// Tags mann understands: none (`?` plain, `!` quoted) and YAML's core schema, whose types the option
// schema checks anyway. Anything else (`!foo`, `!!python/object`) would be silently ignored, so it is
// refused.
bool is_known_tag(const std::string& tag) {
  if (tag.empty() || tag == "?" || tag == "!") return true;
  static const char* const kCore[] = {"str", "int", "float", "bool", "null", "seq", "map"};
  for (const char* t : kCore)
    if (tag == std::string("tag:yaml.org,2002:") + t) return true;
  return false;
}

// yaml-cpp's node graph -> ConfigNode tree. Aliases make the graph shareable, so the tree may be larger than
// the text (counted against kMaxConfigValues) or infinite (`&x [*x]`: caught as a node inside itself).
class Converter {
 public:
  explicit Converter(const std::string& file) : file_(file) {}

  ConfigNode convert(const YAML::Node& y, const std::string& path) {
    const SourcePos pos = to_pos(y.Mark(), file_);
    if (++values_ > kMaxConfigValues)
      throw ConfigError(pos, path,
                        "more than " + std::to_string(kMaxConfigValues) +
                            " values (aliases repeat whole subtrees); a config this large is a mistake");
    if (!is_known_tag(y.Tag())) throw ConfigError(pos, path, "unsupported YAML tag `" + y.Tag() + "`");
    switch (y.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
      case YAML::NodeType::Scalar: {
        ConfigNode leaf = y.IsScalar() ? ConfigNode::scalar(y.Scalar(), pos) : ConfigNode::null(pos);
        leaf.set_path(path);
        return leaf;
      }
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map: {
        enter(y, pos, path);
        ConfigNode node = y.IsMap() ? convert_map(y, pos, path) : convert_sequence(y, pos, path);
        open_.pop_back();
        return node;
      }
    }
    throw std::logic_error("unknown yaml-cpp node type");
  }

 private:
  void enter(const YAML::Node& y, const SourcePos& pos, const std::string& path) {
    for (const YAML::Node& outer : open_)
      if (outer.is(y)) throw ConfigError(pos, path, "recursive alias: this value contains itself");
    if (static_cast<int>(open_.size()) >= kMaxConfigDepth)
      throw ConfigError(
          pos, path, "maps and lists nested more than " + std::to_string(kMaxConfigDepth) + " levels deep");
    open_.push_back(y);
  }

  ConfigNode convert_sequence(const YAML::Node& y, const SourcePos& pos, const std::string& path) {
    ConfigNode seq = ConfigNode::sequence(pos);
    seq.set_path(path);
    size_t i = 0;
    for (const YAML::Node& item : y) {
      seq.push_back(convert(item, path + "[" + std::to_string(i) + "]"));
      ++i;
    }
    return seq;
  }

  ConfigNode convert_map(const YAML::Node& y, const SourcePos& pos, const std::string& path) {
    ConfigNode map = ConfigNode::map(pos);
    map.set_path(path);
    // Line of each key seen so far: a hash lookup keeps large maps linear (a scan per key made 40k keys
    // take seconds).
    std::unordered_map<std::string, int> key_lines;
    for (auto it = y.begin(); it != y.end(); ++it) {
      const SourcePos key_pos = to_pos(it->first.Mark(), file_);
      if (!it->first.IsScalar())
        throw ConfigError(key_pos, path, "map keys must be plain strings, got a complex key");
      const std::string key = it->first.Scalar();
      const std::string sub_path = child_path(path, key);
      const auto [first, is_new] = key_lines.emplace(key, key_pos.line);
      if (!is_new)
        throw ConfigError(key_pos, sub_path,
                          "duplicate key (first defined at line " + std::to_string(first->second) + ")");
      ConfigNode value = convert(it->second, sub_path);
      // For `key:` with nothing after it yaml-cpp marks the null at the *next* token, often the next
      // line; the key itself is the more useful place to point at.
      if (value.is_null() && (value.pos().line == 0 || value.pos().line != key_pos.line))
        value.set_pos(key_pos);
      value.set_key_pos(key_pos);
      map.append_new(key, std::move(value));
    }
    return map;
  }

  const std::string& file_;
  std::vector<YAML::Node> open_;  // the maps and lists being converted, outermost first
  size_t values_ = 0;
};

void emit(YAML::Emitter& out, const ConfigNode& node) {
  switch (node.kind()) {
    case ConfigNode::Kind::kNull:
      out << YAML::Null;
      break;
    // The emitter quotes text that would otherwise re-read as null ("~", "null") or as structure.
    case ConfigNode::Kind::kScalar:
      out << node.text();
      break;
    case ConfigNode::Kind::kSequence:
      out << YAML::BeginSeq;
      for (const ConfigNode& item : node.items()) emit(out, item);
      out << YAML::EndSeq;
      break;
    case ConfigNode::Kind::kMap:
      out << YAML::BeginMap;
      for (const ConfigNode::Entry& e : node.entries()) {
        out << YAML::Key << e.key << YAML::Value;
        emit(out, e.value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

ConfigNode load_config_string(std::string_view text, const std::string& pseudo_path) {
  if (text.size() > kMaxConfigBytes)
    throw ConfigError(SourcePos{pseudo_path, 0, 0}, "",
                      std::to_string(text.size()) + " bytes is more than a config may have (" +
                          std::to_string(kMaxConfigBytes >> 20) + " MiB)");
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw ConfigError(to_pos(e.mark, pseudo_path), "", "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    throw ConfigError(to_pos(e.mark, pseudo_path), "", std::string("cannot parse YAML: ") + e.msg);
  }
  // yaml-cpp's Load() would silently drop everything after a `---`.
  if (documents.size() > 1)
    throw ConfigError(SourcePos{pseudo_path, second_document_line(text), 1}, "",
                      "a second YAML document (after `---`): a config holds one document");
  if (documents.empty()) return ConfigNode::null(SourcePos{pseudo_path, 0, 0});
  return Converter(pseudo_path).convert(documents.front(), "");
}

std::string config_file_problem(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return "it does not exist";
  if (fs::is_directory(status)) return "it is a directory";
  // A FIFO would block the read forever, /dev/zero would never end.
  if (!fs::is_regular_file(status)) return "it is not a regular file";
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return ec.message();
  if (size > kMaxConfigBytes)
    return std::to_string(size) + " bytes is more than a config file may have (" +
           std::to_string(kMaxConfigBytes >> 20) + " MiB)";
  return "";
}

ConfigNode load_config_file(const std::string& path) {
  const std::string problem = config_file_problem(path);
  if (!problem.empty()) throw ConfigError(SourcePos{}, "", "cannot read file " + path + ": " + problem);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) throw ConfigError(SourcePos{}, "", "cannot read file " + path);
  return load_config_string(buffer.str(), path);
}

std::string to_yaml(const ConfigNode& node) {
  YAML::Emitter out;
  emit(out, node);
  std::string text = out.c_str();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

}  // namespace mann
