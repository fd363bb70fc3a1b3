#include "framework/config/inherit.h"

#include <filesystem>
#include <unordered_map>
#include <vector>

namespace mann {

namespace fs = std::filesystem;

namespace {

bool different_component_types(const ConfigNode& a, const ConfigNode& b) {
  const ConfigNode* ta = a.find("type");
  const ConfigNode* tb = b.find("type");
  return ta && tb && ta->is_scalar() && tb->is_scalar() && ta->text() != tb->text();
}

// Identity of a file for cycle detection: the same file reached by different relative paths must match.
std::string file_identity(const fs::path& p) {
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(p, ec);
  return ec ? fs::absolute(p).lexically_normal().string() : canon.string();
}

ConfigNode load_chain(const fs::path& path, std::vector<std::string>& stack,
                      std::vector<std::string>& shown) {
  ConfigNode node = load_config_file(path.string());
  const ConfigNode* base_value = node.find("base");
  if (!base_value || base_value->is_null()) {
    node.erase("base");
    return node;
  }
  if (!base_value->is_scalar()) base_value->fail("expected a file name, got " + base_value->describe());

  // Normalised so that positions read `common/x.yaml`, not `exp/../common/x.yaml`.
  const fs::path base_path = (path.parent_path() / base_value->text()).lexically_normal();
  const std::string id = file_identity(base_path);
  for (size_t i = 0; i < stack.size(); ++i) {
    if (stack[i] == id) {
      std::string chain;
      for (size_t j = i; j < shown.size(); ++j) chain += shown[j] + " -> ";
      base_value->fail("base cycle: " + chain + base_path.string());
    }
  }
  const std::string problem = config_file_problem(base_path.string());
  if (!problem.empty()) base_value->fail("cannot read file " + base_path.string() + ": " + problem);

  stack.push_back(id);
  shown.push_back(base_path.string());
  ConfigNode merged = load_chain(base_path, stack, shown);
  stack.pop_back();
  shown.pop_back();

  node.erase("base");
  if (merged.is_null()) return node;
  if (!merged.is_map())
    throw ConfigError(merged.pos(), "", "a base config must be a map, got " + merged.describe());
  merge_into(merged, node);
  return merged;
}

}  // namespace

void merge_into(ConfigNode& base, const ConfigNode& over) {
  if (!base.is_map() || !over.is_map() || different_component_types(base, over)) {
    const std::string path = base.path();
    base = over;
    base.set_path(path);
    return;
  }
  // Where each of base's keys is: a scan of base per key made merging a 40k-key file take 20 s.
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < base.entries().size(); ++i) index.emplace(base.entries()[i].key, i);
  for (const ConfigNode::Entry& e : over.entries()) {
    const auto found = index.find(e.key);
    if (found != index.end()) {
      // base is ours to change; entries() only offers a const view of it.
      merge_into(const_cast<ConfigNode&>(base.entries()[found->second].value), e.value);
    } else {
      ConfigNode value = e.value;
      value.set_path(child_path(base.path(), e.key));
      index.emplace(e.key, base.size());
      base.append_new(e.key, std::move(value));
    }
  }
  // The merged map now "lives" in the overriding file: errors about it (e.g. a missing key) point there.
  base.set_pos(over.pos());
  base.set_key_pos(over.key_pos());
}

ConfigNode load_config_with_bases(const std::string& path) {
  std::vector<std::string> stack{file_identity(path)};
  std::vector<std::string> shown{fs::path(path).lexically_normal().string()};
  return load_chain(path, stack, shown);
}

}  // namespace mann
