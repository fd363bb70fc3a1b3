// `mann list [SECTION [NAME]]`: the registered components (and the plain experiment sections and top-level
// keys) with their options, all of them or one kind (`mann list model`) or one component (`mann list model
// ntm`, `mann list train`).
#include <algorithm>
#include <iostream>
#include <set>

#include "framework/autodiff/errors.h"
#include "framework/config/suggest.h"
#include "framework/util/strings.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

namespace mann {
namespace {

const char* kListUsage = R"(usage: mann list [SECTION [NAME]]

Lists every component with its options (type, default, description, the values a string option takes).
SECTION narrows it to one kind (model, dataset, addressing, optimizer, schedule, ...) or one plain section
(experiment for the top-level keys, train, eval, output); NAME to one component of that kind
(`mann list model ntm`).)";

// Plain sections are registered as kind "section" (train, eval, output) or "experiment" (the top level), so
// `mann list train` means the component `train` of kind "section".
struct Selection {
  std::string kind, type;
};

Selection select(const Registry& registry, const std::string& section, const std::string& name) {
  std::set<std::string> kinds;
  std::vector<std::string> sections;
  for (const ComponentSpec& spec : registry.list()) {
    kinds.insert(spec.kind);
    if (spec.kind == "section") sections.push_back(spec.type);
  }
  std::vector<std::string> choices;
  for (const std::string& kind : kinds)
    if (kind != "section") choices.push_back(kind);
  choices.insert(choices.end(), sections.begin(), sections.end());
  const bool is_kind = section != "section" && kinds.count(section);
  const bool is_section = std::find(sections.begin(), sections.end(), section) != sections.end();
  if (!is_kind && !is_section) {
    const std::string nearest = nearest_match(section, choices);
    throw UserError("no section `" + section + "`" +
                    (nearest.empty() ? "" : "; did you mean `" + nearest + "`?") +
                    " (sections: " + join(choices, ", ") + ")");
  }
  if (is_section) {
    if (!name.empty())
      throw UserError("`" + section + "` is a plain section; it has no components to choose");
    return {"section", section};
  }
  if (!name.empty() && !registry.find(section, name)) {
    const std::vector<std::string> types = registry.types_of(section);
    const std::string nearest = nearest_match(name, types);
    throw UserError("no " + section + " `" + name + "`" +
                    (nearest.empty() ? "" : "; did you mean `" + nearest + "`?") + " (" + section + ": " +
                    join(types, ", ") + ")");
  }
  return {section, name};
}

}  // namespace

int list_command(const Args& args) {
  po::options_description options("list options");
  std::vector<std::string> positionals;
  options.add_options()("what", po::value(&positionals), "SECTION [NAME]");
  po::positional_options_description positional;
  positional.add("what", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kListUsage, options, positional, vm)) return kOk;
  if (positionals.size() > 2)
    throw po::error("at most a section and a name, but `" + positionals[2] + "` follows");
  const Registry& registry = builtin_registry();
  if (positionals.empty()) {
    std::cout << registry.format_listing();
    return kOk;
  }
  const Selection selection = select(registry, positionals[0], positionals.size() > 1 ? positionals[1] : "");
  std::cout << registry.format_listing(selection.kind, selection.type);
  return kOk;
}

}  // namespace mann
