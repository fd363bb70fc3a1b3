#pragma once
// The subcommands of `mann`. Each takes the arguments after its name and returns the process exit code.
#include <string>
#include <vector>

namespace mann {

using Args = std::vector<std::string>;

int train_command(const Args& args);
int eval_command(const Args& args);
int inspect_command(const Args& args);
int list_command(const Args& args);
int bench_command(const Args& args);
int compare_command(const Args& args);
int attention_command(const Args& args);
int lengths_command(const Args& args);
int sweep_command(const Args& args);
int curves_command(const Args& args);
int runs_command(const Args& args);
int data_command(const Args& args);

// Exit codes shared by all commands.
enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2, kDiverged = 3 };

}  // namespace mann
