package cn.yjzf.casefile;

import cn.yjzf.common.InvalidInputException;

/** A document or attachment that is not a readable PDF / JPEG / PNG: reported by name (400), nothing bound or stored. */
public class UnreadableAttachmentException extends InvalidInputException {

    public UnreadableAttachmentException(String name, String why) {
        super("attachments", "UNREADABLE_ATTACHMENT", "“" + name + "”无法装订：" + why);
    }
}
