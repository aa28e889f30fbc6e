using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace SmtpConsole.Tui;

/// <summary>
/// Puts <see cref="PollingAnsiInput"/> into a Terminal.Gui 2.5.0 application before <c>Init</c>. The library builds its
/// input from a component factory, but offers no public way to pass one: the constructors of
/// <c>ApplicationImpl</c> that take an <c>IComponentFactory</c> are internal, <c>Application.Create</c> takes only a
/// time provider, and <c>DriverRegistry.Register</c> records a descriptor whose factory <c>ApplicationImpl.CreateDriver</c>
/// never calls (it switches on the three built-in names). So the factory goes into <c>ApplicationImpl._componentFactory</c>
/// through an <see cref="UnsafeAccessorAttribute"/> (checked at compile time by no one, hence the test
/// <c>PollingInputDriverTests</c>, and trim- and AOT-safe). Should a later Terminal.Gui rename the field, the console
/// keeps Terminal.Gui's own input: slower echo, nothing else lost.
/// </summary>
internal static class PollingInputDriver
{
    /// <summary>
    /// Makes <paramref name="app"/> (created, not yet initialised) read keys through <see cref="PollingAnsiInput"/> with
    /// the ANSI driver; returns the factory (it knows the input once Terminal.Gui made it), or null when that is not
    /// possible here (Windows, another Terminal.Gui).
    /// </summary>
    public static PollingInputFactory? TryUse(IApplication app)
    {
        // Only where Terminal.Gui would pick the ANSI driver anyway: no poll() on a Windows console handle, and a
        // forced driver (IApplication.ForceDriver) stays the user's choice.
        if (OperatingSystem.IsWindows() || app.ForceDriver is { Length: > 0 } forced && forced != DriverRegistry.Names.ANSI) return null;
        try
        {
            ref IComponentFactory? factory = ref ComponentFactoryOf(app);
            if (factory is not null) return null;
            var polling = new PollingInputFactory();
            factory = polling;
            return polling;
        }
        catch (Exception ex) when (ex is MissingFieldException or MissingMemberException or InvalidCastException or TypeLoadException)
        {
            return null;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactoryOf([UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);
}
