"""Content for the fictional Riverbend Counseling Collective demo site.

The modules here are data (plus the image generator); `manage.py load_demo_content` builds the
site from them. Everything is invented: the practice, its people and its address.
"""
