// `mann data preview`: a picture of an image dataset's examples, built through the dataset's registry
// entry (here on synthetic Fashion-MNIST files in a --data-dir), and the refusals of what it cannot draw.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support/idx_files.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_CASE("mann data preview fashion_mnist draws a variant's examples from the data directory") {
  const TempDir dir("data-preview");
  write_synthetic_fashion_mnist(dir / "fashion-mnist", 30, 10);
  const CommandResult r = run_mann(
      "data preview fashion_mnist --variant cluttered60 --set validation_size=5 "
      "--count 4 --split valid --data-dir " +
      dir.path().string() + " --out " + dir.path("preview.png"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("4 valid examples of fashion_mnist cluttered60") != std::string::npos);
  CHECK(std::filesystem::file_size(dir.path("preview.png")) > 0);
}

TEST_CASE("mann data preview refuses datasets without images, unknown variants and actions") {
  const CommandResult sequence = run_mann("data preview copy");
  CHECK(sequence.exit_code == 1);
  CHECK(sequence.output.find("`copy` is a sequence dataset") != std::string::npos);
  const CommandResult variant = run_mann("data preview fashion_mnist --variant cluttered");
  CHECK(variant.exit_code == 1);
  CHECK(variant.output.find("cluttered60") != std::string::npos);  // the choices are listed
  const CommandResult action = run_mann("data show fashion_mnist");
  CHECK(action.exit_code == 2);
  CHECK(action.output.find("unknown action `show`") != std::string::npos);
}
