#include "platform/window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace boardscape::viewer {

GlfwLibrary::GlfwLibrary() {
    // A busy X server can refuse a connection for a moment (its listen queue full), which
    // XOpenDisplay reports as "cannot open display": try a few times before giving up.
    std::string reason;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
        if (glfwInit()) return;
        const char* msg = nullptr;
        glfwGetError(&msg);
        reason = msg ? msg : "no display?";
        if (reason.find("display") == std::string::npos) break;  // not a connection problem
    }
    throw std::runtime_error("cannot start GLFW: " + reason);
}

GlfwLibrary::~GlfwLibrary() { glfwTerminate(); }

Window::Window(int width, int height, const std::string& title, bool visible) : m_title(title) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    m_window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!m_window) {
        const char* msg = nullptr;
        glfwGetError(&msg);
        throw std::runtime_error(std::string("cannot create an OpenGL 3.3 window: ") + (msg ? msg : "unknown"));
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
}

Window::~Window() {
    if (m_window) glfwDestroyWindow(m_window);
}

bool Window::should_close() const { return glfwWindowShouldClose(m_window) != 0; }

void Window::cancel_close() { glfwSetWindowShouldClose(m_window, GLFW_FALSE); }

void Window::set_title(const std::string& title) {
    if (title == m_title) return;
    m_title = title;
    glfwSetWindowTitle(m_window, title.c_str());
}

void Window::set_fullscreen(bool on) {
    if (on == m_fullscreen) return;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (on) {
        if (!monitor) return;
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwGetWindowPos(m_window, &m_saved[0], &m_saved[1]);
        glfwGetWindowSize(m_window, &m_saved[2], &m_saved[3]);
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(m_window, nullptr, m_saved[0], m_saved[1], m_saved[2], m_saved[3], 0);
    }
    m_fullscreen = on;
}

float Window::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(m_window, &x, &y);
    return x > 0 ? x : 1.0f;
}

void Window::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(m_window, &w, &h); }

ImGuiContextScope::ImGuiContextScope() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
}

ImGuiContextScope::~ImGuiContextScope() { ImGui::DestroyContext(); }

ImGuiBackends::ImGuiBackends(Window& window, bool window_input) : m_glfw(window_input) {
    if (m_glfw && !ImGui_ImplGlfw_InitForOpenGL(window.handle(), true))
        throw std::runtime_error("cannot initialise the ImGui GLFW backend");
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        if (m_glfw) ImGui_ImplGlfw_Shutdown();
        throw std::runtime_error("cannot initialise the ImGui OpenGL3 backend");
    }
}

ImGuiBackends::~ImGuiBackends() {
    ImGui_ImplOpenGL3_Shutdown();
    if (m_glfw) ImGui_ImplGlfw_Shutdown();
}

void ImGuiBackends::reload_fonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace boardscape::viewer
