#pragma once
// Command-line overrides (`mann train --set train.lr=0.005`): the highest-precedence config layer.
#include <string>
#include <string_view>

#include "framework/config/config_node.h"

namespace mann {

// The pseudo file name that positions of --set values carry.
inline constexpr const char* kCommandLineFile = "<command line>";

// Applies one `dotted.key=value` override to `root` (which must be a map or null). The value is parsed as
// YAML, so `[1, 2]`, `true` and `{type: hard}` work; an empty value means null. Missing intermediate maps
// are created; an intermediate that is a scalar or list is an error. The value replaces whatever was
// there (no merging: --set means set). New nodes are positioned at `<command line>`:1:1.
void apply_override(ConfigNode& root, std::string_view assignment);

}  // namespace mann
