#pragma once
// What produced a run: the command line and, where mann was built from a git checkout that is still
// there, its commit. Appended to <run>/command.txt at every start and resume, so the file tells how a run
// came to be, step by step.
#include <filesystem>

#include "tools/commands.h"

namespace mann {

// Appends "# <UTC time>", "mann <command> <args>" (shell-quoted) and, when available, "# git commit <sha>"
// (with " plus uncommitted changes" when the checkout differs from it).
void append_run_record(const std::filesystem::path& run_dir, const std::string& command, const Args& args);

}  // namespace mann
