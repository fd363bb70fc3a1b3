// YAML <-> ConfigNode conversion. yaml-cpp is confined to this file; the rest of mann sees only ConfigNode.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "framework/config/config_node.h"

namespace mann {

namespace {

// yaml-cpp marks are 0-based and -1 when unknown; ours are 1-based with 0 for unknown.
SourcePos to_pos(const YAML::Mark& mark, const std::string& file) {
  if (mark.line < 0) return SourcePos{file, 0, 0};
  return SourcePos{file, mark.line + 1, mark.column + 1};
}

ConfigNode convert(const YAML::Node& y, const std::string& file, const std::string& path) {
  const SourcePos pos = to_pos(y.Mark(), file);
  switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return ConfigNode::null(pos);
    case YAML::NodeType::Scalar:
      return ConfigNode::scalar(y.Scalar(), pos);
    case YAML::NodeType::Sequence: {
      ConfigNode seq = ConfigNode::sequence(pos);
      seq.set_path(path);
      size_t i = 0;
      for (const YAML::Node& item : y) {
        seq.push_back(convert(item, file, path + "[" + std::to_string(i) + "]"));
        ++i;
      }
      return seq;
    }
    case YAML::NodeType::Map: {
      ConfigNode map = ConfigNode::map(pos);
      map.set_path(path);
      for (auto it = y.begin(); it != y.end(); ++it) {
        const SourcePos key_pos = to_pos(it->first.Mark(), file);
        if (!it->first.IsScalar())
          throw ConfigError(key_pos, path, "map keys must be plain strings, got a complex key");
        const std::string key = it->first.Scalar();
        const std::string sub_path = child_path(path, key);
        if (const ConfigNode* first = map.find(key))
          throw ConfigError(
              key_pos, sub_path,
              "duplicate key (first defined at line " + std::to_string(first->key_pos().line) + ")");
        ConfigNode value = convert(it->second, file, sub_path);
        // For `key:` with nothing after it yaml-cpp marks the null at the *next* token, often the next
        // line; the key itself is the more useful place to point at.
        if (value.is_null() && (value.pos().line == 0 || value.pos().line != key_pos.line))
          value.set_pos(key_pos);
        value.set_key_pos(key_pos);
        map.set(key, std::move(value));
      }
      return map;
    }
  }
  return ConfigNode::null(pos);
}

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
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw ConfigError(to_pos(e.mark, pseudo_path), "", "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    throw ConfigError(to_pos(e.mark, pseudo_path), "", std::string("cannot parse YAML: ") + e.msg);
  }
  return convert(doc, pseudo_path, "");
}

ConfigNode load_config_file(const std::string& path) {
  // A directory opens fine as an ifstream on Linux and then reads as nothing, so rule it out explicitly.
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad() || std::filesystem::is_directory(path, ec))
    throw ConfigError(SourcePos{}, "", "cannot read file " + path);
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
