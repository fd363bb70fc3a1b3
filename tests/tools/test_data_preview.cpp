// `mann data preview`: a picture of an image dataset's examples, built through the dataset's registry
// entry (here on synthetic Fashion-MNIST files in a --data-dir), and the refusals of what it cannot draw.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

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

TEST_CASE("mann data preview fashion_scenes draws scenes with their reference captions") {
  const TempDir dir("scenes-preview");
  write_synthetic_fashion_mnist(dir / "fashion-mnist", 30, 10);
  const CommandResult r = run_mann(
      "data preview fashion_scenes --set layout=grid2x2 --set validation_size=5 --count 3 "
      "--split test --data-dir " +
      dir.path().string() + " --out " + dir.path("scenes.svg"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("3 test scenes of fashion_scenes grid2x2") != std::string::npos);
  std::ifstream svg_file(dir.path("scenes.svg"));
  const std::string svg((std::istreambuf_iterator<char>(svg_file)), std::istreambuf_iterator<char>());
  CHECK(svg.find(">1. a") != std::string::npos);  // the canonical caption of a scene, numbered
  CHECK(svg.find(">5. ") != std::string::npos);   // and its fifth reference
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
