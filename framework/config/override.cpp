#include "framework/config/override.h"

#include <vector>

namespace mann {

namespace {

const SourcePos kCommandLinePos{kCommandLineFile, 1, 1};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

void apply_override(ConfigNode& root, std::string_view assignment) {
  const std::string shown(assignment);
  const size_t eq = assignment.find('=');
  if (eq == std::string_view::npos)
    throw ConfigError(kCommandLinePos, "", "malformed --set `" + shown + "`: expected key=value");
  const std::string_view key = trim(assignment.substr(0, eq));
  const std::string_view value_text = assignment.substr(eq + 1);

  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    const std::string_view part = key.substr(start, dot == std::string_view::npos ? key.npos : dot - start);
    if (part.empty())
      throw ConfigError(kCommandLinePos, "",
                        "malformed --set `" + shown + "`: expected key=value with a dotted key like a.b.c");
    parts.emplace_back(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  const std::string path(key);

  ConfigNode value;
  try {
    value = load_config_string(value_text, kCommandLineFile);
  } catch (const ConfigError& e) {
    throw ConfigError(kCommandLinePos, path, "invalid value in --set `" + shown + "`: " + e.problem());
  }
  value.set_pos_recursive(kCommandLinePos);

  if (!root.is_map() && !root.is_null())
    throw ConfigError(root.pos(), "", "cannot apply --set: the config is not a map");
  ConfigNode* parent = &root;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    ConfigNode* next = parent->find(parts[i]);
    if (!next) {
      next = &parent->set(parts[i], ConfigNode::map(kCommandLinePos));
    } else if (!next->is_map() && !next->is_null()) {
      next->fail("cannot set `" + path + "`: `" + next->path() + "` is " + next->describe() + ", not a map");
    }
    parent = next;
  }
  parent->set(parts.back(), std::move(value));
}

}  // namespace mann
