using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Collaboration.Infrastructure.Quotes;

/// <summary>The tenant's PNG logo as an inline picture, at most 5 cm wide and 2 cm high, its proportions kept.</summary>
internal static class QuoteDocumentLogo
{
    private const long MaxWidthEmu = 1_800_000;
    private const long MaxHeightEmu = 720_000;

    public static Paragraph Paragraph(MainDocumentPart main, byte[] png)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) part.FeedData(data);
        var (cx, cy) = Size(png);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "Logo" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "logo.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new Run(drawing));
    }

    /// <summary>The picture's size in EMU from the PNG header (9525 EMU a pixel at 96 dpi), scaled down to fit.</summary>
    private static (long Cx, long Cy) Size(byte[] png)
    {
        long width = Math.Max(1, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        long height = Math.Max(1, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        var cx = width * 9525;
        var cy = height * 9525;
        var scale = Math.Min(1d, Math.Min((double)MaxWidthEmu / cx, (double)MaxHeightEmu / cy));
        return (Math.Max(1, (long)(cx * scale)), Math.Max(1, (long)(cy * scale)));
    }
}
