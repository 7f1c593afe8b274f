// Finding the bundled default dataset: next to the executable's install prefix
// (share/boardscape/datasets), in the source tree it was built from, or in a datasets/ folder
// above the executable — so `boardscape-viewer` with no argument works from a build folder, an
// install or a copied tree.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace boardscape::viewer {

inline constexpr std::string_view default_dataset_name = "landscape-2015.json";

/// The running executable's path (from /proc/self/exe), if known.
std::optional<std::filesystem::path> executable_path();

/// The first existing candidate for `datasets/<name>`.
std::optional<std::filesystem::path> find_bundled_dataset(std::string_view name = default_dataset_name);

}  // namespace boardscape::viewer
