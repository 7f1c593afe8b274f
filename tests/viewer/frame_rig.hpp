// The App driven through real ImGui frames without GL: a real ImGui context with a built font
// atlas, the App's panels and canvas, and synthetic keys through ImGuiIO. Nothing is rendered.
// Test files add their own helpers (where a node is drawn, which hex holds a code) on top.
#pragma once

#include "app/app.hpp"
#include "platform/window.hpp"

#include <imgui.h>

#include <string>
#include <utility>

namespace viewer_test {

struct FrameDriver {
    boardscape::viewer::ImGuiContextScope context;  // before the App: its panels use the context
    boardscape::viewer::App app;

    FrameDriver(const boardscape::viewer::AppOptions& options, boardscape::Dataset dataset, const std::string& name)
        : app(options) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1600, 900);
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        // Named keys as the GLFW backend maps them (GLFW key codes); letters are their ASCII.
        io.KeyMap[ImGuiKey_Escape] = 256;
        io.KeyMap[ImGuiKey_Enter] = 257;
        io.KeyMap[ImGuiKey_Tab] = 258;
        io.KeyMap[ImGuiKey_Backspace] = 259;
        io.KeyMap[ImGuiKey_RightArrow] = 262;
        io.KeyMap[ImGuiKey_LeftArrow] = 263;
        app.set_dataset(std::move(dataset), name);
        app.settle_layout();
    }
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        app.prepare_frame(1.0f);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        app.build_frame();
        ImGui::Render();
        app.end_frame();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    /// Presses and releases a key, one frame each.
    void key(int k) {
        ImGui::GetIO().KeysDown[k] = true;
        frame();
        ImGui::GetIO().KeysDown[k] = false;
        frame();
    }
};

}  // namespace viewer_test
