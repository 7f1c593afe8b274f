// The one offscreen render path: Export PNG, --screenshot, --bench-frames and the render tests
// all build frames of the App exactly as on screen, render them into a framebuffer object,
// read the pixels back and (optionally) write a PNG. Needs a current GL context and the
// OpenGL3 ImGui backend.
#pragma once

#include "app/app.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  /// rows top to bottom, 4 bytes a pixel
    /// The pixel at (x, y) as 0xRRGGBB (alpha dropped); 0 outside the image.
    std::uint32_t rgb(int x, int y) const;
};

struct RenderOptions {
    int width = 1600;
    int height = 900;
    int frames = 4;  // frames built before the read-back (windows settle, the camera fits)
    /// When set, the CPU time (thread CPU, ms) to build each frame's draw lists is appended.
    std::vector<double>* build_ms = nullptr;
    /// When set, the canvas's share of it (draw-list building for the map only).
    std::vector<double>* canvas_ms = nullptr;
    /// Rasterise every frame (true) or only the last one (benchmarks: the draw lists are what
    /// is measured, and a software rasteriser would dominate the run time).
    bool render_every_frame = true;
};

/// Builds and renders `opts.frames` frames of `app` into an FBO of the given size.
/// The mouse is parked outside the window so no hover state leaks into the picture.
Image render_offscreen(App& app, const RenderOptions& opts);

/// Writes `img` as PNG; returns an error message on failure ("" on success).
std::string write_png(const std::filesystem::path& path, const Image& img);

/// p-th percentile (0–100) of `v` by nearest rank; 0 for an empty vector.
double percentile(std::vector<double> v, double p);

}  // namespace boardscape::viewer
