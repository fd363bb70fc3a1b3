#pragma once
// Config inheritance: a file may start from another via a top-level `base: other.yaml` and deep-merge its
// own settings over it. Chains are allowed; cycles are reported.
#include <string>

#include "framework/config/config_node.h"

namespace mann {

// Deep merge of `over` into `base`: maps merge key by key (recursively, new keys appended in `over`'s
// order); scalars, sequences and nulls in `over` replace. Exception: two maps whose `type:` values differ
// are different components, so `over` replaces the whole map rather than inheriting options the new type
// does not have. Every node keeps the position of the file it came from.
void merge_into(ConfigNode& base, const ConfigNode& over);

// Loads `path` and resolves its `base:` chain (each base path relative to the directory of the file that
// names it). The result has no `base` key. Errors: a non-string `base`, an unreadable base file (reported
// at the `base:` value), and a cycle ("base cycle: a.yaml -> b.yaml -> a.yaml").
ConfigNode load_config_with_bases(const std::string& path);

}  // namespace mann
