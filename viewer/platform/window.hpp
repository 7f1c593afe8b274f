// The platform shell: GLFW, a window with an OpenGL 3.3 core context, the ImGui context and its
// GLFW + OpenGL3 backends, each as an RAII object so every exit path tears down in order.
// A hidden window gives headless runs (screenshots, render tests) a GL context under Xvfb.
#pragma once

#include <string>

struct GLFWwindow;

namespace boardscape::viewer {

class GlfwLibrary {
public:
    GlfwLibrary();  // throws std::runtime_error when GLFW cannot start (no display)
    ~GlfwLibrary();
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

class Window {
public:
    /// Creates a window (hidden when `visible` is false) and makes its context current.
    Window(int width, int height, const std::string& title, bool visible);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return m_window; }
    bool should_close() const;
    void set_title(const std::string& title);
    /// Undoes a close request (the app asks about unsaved changes first).
    void cancel_close();
    /// Full screen on the primary monitor, or back to the windowed rect it came from.
    void set_fullscreen(bool on);
    bool fullscreen() const { return m_fullscreen; }
    float content_scale() const;
    void framebuffer_size(int& w, int& h) const;

private:
    GLFWwindow* m_window = nullptr;
    bool m_fullscreen = false;
    int m_saved[4] = {0, 0, 0, 0};  // x, y, w, h before going full screen
    std::string m_title;
};

/// ImGui context for the lifetime of the object; no imgui.ini is read or written.
class ImGuiContextScope {
public:
    ImGuiContextScope();
    ~ImGuiContextScope();
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

/// The OpenGL3 renderer backend, plus the GLFW platform backend when `window_input` (headless
/// rendering needs only the renderer).
class ImGuiBackends {
public:
    ImGuiBackends(Window& window, bool window_input);
    ~ImGuiBackends();
    ImGuiBackends(const ImGuiBackends&) = delete;
    ImGuiBackends& operator=(const ImGuiBackends&) = delete;
    /// Re-uploads the font atlas after a rebuild.
    static void reload_fonts();

private:
    bool m_glfw = false;
};

}  // namespace boardscape::viewer
